package dev.ebpfjvm.jit.classgen;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.IntFunction;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceClassVisitor;

/**
 * The textified bytecode of a generated class with each BPF instruction printed above the code it
 * became. Generated methods record each instruction's slot as its line number, so the dump finds
 * the instructions from the class file alone.
 */
public final class BytecodeDump {
    private BytecodeDump() {}

    /**
     * Renders a class.
     *
     * @param bytes the class file
     * @param describe the text of the instruction at a slot
     */
    public static String render(byte[] bytes, IntFunction<String> describe) {
        StringWriter out = new StringWriter();
        new ClassReader(bytes).accept(new TraceClassVisitor(null, new BpfTextifier(describe), new PrintWriter(out)), 0);
        return out.toString();
    }

    /** A textifier that prints {@code ; slot: instruction} where a line number starts. */
    private static final class BpfTextifier extends Textifier {
        private final IntFunction<String> describe;

        BpfTextifier(IntFunction<String> describe) {
            super(Opcodes.ASM9);
            this.describe = describe;
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            text.add(tab + "; " + line + ": " + describe.apply(line) + "\n");
        }

        @Override
        protected Textifier createTextifier() {
            return new BpfTextifier(describe);
        }
    }
}
