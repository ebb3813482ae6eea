package dev.ebpfjvm.core.isa;

import dev.ebpfjvm.core.InvalidProgramException;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes ↔ instructions. {@link #decode(byte[])} reads little-endian slots and checks every
 * instruction with {@link InsnValidator}, so that what it returns is a well-formed program;
 * {@link #encode(List)} writes it back byte for byte.
 */
public final class InsnCodec {
    /** The size of one instruction slot in bytes. */
    public static final int SLOT_BYTES = 8;

    private InsnCodec() {}

    /**
     * Decodes and validates a program.
     *
     * @param bytes the program, 8 little-endian bytes a slot
     * @return the instructions
     * @throws InvalidProgramException naming the slot and the reason when the bytes are not a
     *     well-formed program
     */
    public static Instructions decode(byte[] bytes) {
        Instructions program = new Instructions(decodeSlots(bytes));
        InsnValidator.validate(program);
        return program;
    }

    /**
     * Decodes without checking anything but the framing (a length that is a multiple of 8 and no
     * lddw cut in half); for tools that must show malformed programs.
     */
    public static List<Insn> decodeSlots(byte[] bytes) {
        if (bytes.length % SLOT_BYTES != 0) {
            throw new InvalidProgramException(-1, "program length " + bytes.length + " is not a multiple of 8");
        }
        int slots = bytes.length / SLOT_BYTES;
        List<Insn> out = new ArrayList<>(slots);
        for (int slot = 0; slot < slots; slot++) {
            long word = readSlot(bytes, slot);
            int opcode = (int) word & 0xff;
            int dst = (int) (word >>> 8) & 0xf;
            int src = (int) (word >>> 12) & 0xf;
            int off = (short) (word >>> 16);
            int imm = (int) (word >>> 32);
            if (opcode != Insn.LDDW) {
                out.add(new Insn(opcode, dst, src, off, imm));
                continue;
            }
            if (slot + 1 >= slots) {
                throw new InvalidProgramException(
                        slot, "last insn is not an exit or jmp (a bpf_ld_imm64 insn missing its second slot)");
            }
            long next = readSlot(bytes, ++slot);
            if ((next & 0xffffffffL) != 0) {
                throw new InvalidProgramException(
                        slot, "invalid bpf_ld_imm64 insn: second slot has reserved fields set");
            }
            out.add(new Insn(opcode, dst, src, off, (imm & 0xffffffffL) | (next & 0xffffffff00000000L)));
        }
        return out;
    }

    /** {@return the little-endian encoding of the instructions, 8 bytes a slot} */
    public static byte[] encode(List<Insn> insns) {
        int slots = 0;
        for (Insn insn : insns) {
            slots += insn.slots();
        }
        byte[] out = new byte[slots * SLOT_BYTES];
        int slot = 0;
        for (Insn insn : insns) {
            long word = (insn.opcode() & 0xffL)
                    | (long) (insn.dst() & 0xf) << 8
                    | (long) (insn.src() & 0xf) << 12
                    | (insn.off() & 0xffffL) << 16
                    | (insn.imm() & 0xffffffffL) << 32;
            writeSlot(out, slot++, word);
            if (insn.isWide()) {
                writeSlot(out, slot++, insn.imm() & 0xffffffff00000000L);
            }
        }
        return out;
    }

    private static long readSlot(byte[] bytes, int slot) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (bytes[slot * SLOT_BYTES + i] & 0xff);
        }
        return v;
    }

    private static void writeSlot(byte[] out, int slot, long word) {
        for (int i = 0; i < 8; i++) {
            out[slot * SLOT_BYTES + i] = (byte) (word >>> (8 * i));
        }
    }
}
