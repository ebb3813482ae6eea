package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.Memory;
import java.nio.charset.StandardCharsets;

/** NUL-terminated strings in program memory, read as the kernel's {@code strncpy_from_kernel_nofault()} does. */
final class CStrings {
    private CStrings() {}

    /**
     * {@return the string at an address, at most {@code max} characters (longer ones are cut),
     * or "" when the address is unreadable}
     */
    static String read(Memory memory, long address, int max) {
        int len = length(memory, address, max);
        if (len < 0) {
            return "";
        }
        return new String(memory.read(address, len), StandardCharsets.ISO_8859_1);
    }

    /** {@return the length before the NUL (at most {@code max}, also when no NUL is found in readable memory before), or -1 when unreadable} */
    static int length(Memory memory, long address, int max) {
        byte[] bytes;
        try {
            bytes = memory.readable(address);
        } catch (EbpfException e) {
            return -1;
        }
        int from = Address.offset(address);
        if (from < 0 || from >= bytes.length) {
            return -1;
        }
        int n = 0;
        while (n < max && from + n < bytes.length && bytes[from + n] != 0) {
            n++;
        }
        return n;
    }
}
