package dev.ebpfjvm.core.btf;

import dev.ebpfjvm.core.MalformedObjectException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A table of NUL-terminated strings addressed by byte offset, the format shared by ELF string
 * tables ({@code .strtab}, {@code .shstrtab}) and the BTF string section. Every lookup checks the
 * offset and finds the terminator inside the table, so a bad offset is a
 * {@link MalformedObjectException} naming the section, never an index error.
 */
public final class StringTable {
    private final String section;
    private final byte[] bytes;

    /**
     * @param section the section the table comes from, for error messages
     * @param bytes the table's bytes (kept, not copied: callers pass a private copy)
     */
    public StringTable(String section, byte[] bytes) {
        this.section = section;
        this.bytes = bytes;
    }

    /** {@return the number of bytes in the table} */
    public int size() {
        return bytes.length;
    }

    /**
     * {@return the string starting at a byte offset, decoded as UTF-8}
     *
     * @param offset the byte offset (an unsigned 32-bit field of the file)
     * @throws MalformedObjectException when the offset is outside the table or the string has no
     *     terminator
     */
    public String at(long offset) {
        if (offset < 0 || offset >= bytes.length) {
            throw new MalformedObjectException(
                    section, "string offset " + offset + " outside the string table of " + bytes.length + " bytes");
        }
        int start = (int) offset;
        int end = start;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        if (end == bytes.length) {
            throw new MalformedObjectException(section, "string at offset " + offset + " is not NUL-terminated");
        }
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    /** {@return a copy of the table's bytes} */
    public byte[] bytes() {
        return Arrays.copyOf(bytes, bytes.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StringTable && Arrays.equals(((StringTable) o).bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
