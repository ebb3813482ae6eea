package dev.ebpfjvm.jit.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;

/**
 * The exact bytecode length ({@code code_length} of the Code attribute) of every method of a class
 * file, read from the bytes themselves so that no ASM estimate stands in for it.
 */
public final class MethodSizes {
    private MethodSizes() {}

    /** {@return method name → code length, in class-file order} */
    public static Map<String, Integer> of(byte[] bytes) {
        ClassReader cr = new ClassReader(bytes);
        char[] buf = new char[cr.getMaxStringLength()];
        int p = cr.header + 6;
        p += 2 + 2 * cr.readUnsignedShort(p);
        p = skipMembers(cr, p);
        Map<String, Integer> sizes = new LinkedHashMap<>();
        int methods = cr.readUnsignedShort(p);
        p += 2;
        for (int m = 0; m < methods; m++) {
            String name = cr.readUTF8(p + 2, buf);
            int attributes = cr.readUnsignedShort(p + 6);
            p += 8;
            for (int a = 0; a < attributes; a++) {
                String attr = cr.readUTF8(p, buf);
                int length = cr.readInt(p + 2);
                if (attr.equals("Code")) {
                    sizes.put(name, cr.readInt(p + 10));
                }
                p += 6 + length;
            }
        }
        return sizes;
    }

    /** {@return the largest method's code length} */
    public static int largest(byte[] bytes) {
        return of(bytes).values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    private static int skipMembers(ClassReader cr, int p) {
        int count = cr.readUnsignedShort(p);
        p += 2;
        for (int i = 0; i < count; i++) {
            int attributes = cr.readUnsignedShort(p + 6);
            p += 8;
            for (int a = 0; a < attributes; a++) {
                p += 6 + cr.readInt(p + 2);
            }
        }
        return p;
    }
}
