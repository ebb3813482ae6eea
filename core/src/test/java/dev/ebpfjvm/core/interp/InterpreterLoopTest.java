package dev.ebpfjvm.core.interp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The dispatch loop must stay compilable: HotSpot never compiles a method of more than 8000
 * bytecode bytes ({@code HugeMethodLimit}; research/jvm-facts.md item 2), and an interpreted
 * interpreter would be about 100 times slower. Reads the length from the class file.
 */
class InterpreterLoopTest {
    private static final int HUGE_METHOD_LIMIT = 8000;

    @Test
    void run_staysUnderTheHugeMethodLimit() throws IOException {
        int length = codeLength(InterpreterLoop.class, "run");
        assertTrue(length > 0 && length <= HUGE_METHOD_LIMIT, "InterpreterLoop.run has " + length + " bytes");
    }

    /** {@return the bytecode length of the first method of that name, or -1} */
    private static int codeLength(Class<?> type, String method) throws IOException {
        try (InputStream raw = type.getResourceAsStream(type.getSimpleName() + ".class");
                DataInputStream in = new DataInputStream(raw)) {
            in.readInt();
            in.readInt();
            String[] utf8 = readConstantPool(in);
            in.skipBytes(6);
            in.skipBytes(2 * in.readUnsignedShort());
            skipMembers(in);
            int methods = in.readUnsignedShort();
            for (int m = 0; m < methods; m++) {
                in.skipBytes(2);
                String name = utf8[in.readUnsignedShort()];
                in.skipBytes(2);
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int size = in.readInt();
                    if (name.equals(method) && attribute.equals("Code")) {
                        in.skipBytes(4);
                        return in.readInt();
                    }
                    in.skipBytes(size);
                }
            }
            return -1;
        }
    }

    /** Reads the constant pool (JVMS 4.4), keeping only the UTF-8 entries. */
    private static String[] readConstantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1:
                    utf8[i] = in.readUTF();
                    break;
                case 5:
                case 6:
                    in.skipBytes(8);
                    i++;
                    break;
                case 7:
                case 8:
                case 16:
                case 19:
                case 20:
                    in.skipBytes(2);
                    break;
                case 15:
                    in.skipBytes(3);
                    break;
                default:
                    in.skipBytes(4); // int, float, member refs, name-and-type, dynamic
            }
        }
        return utf8;
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            in.skipBytes(6);
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.skipBytes(2);
                in.skipBytes(in.readInt());
            }
        }
    }
}
