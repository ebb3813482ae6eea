package dev.ebpfjvm.core.isa;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random well-formed instructions and programs for property tests. Fields are drawn with a bias to
 * the values the ISA gives meaning to (0, 1, 8, 16, 32, 64, -1), then kept only when
 * {@link InsnValidator#check} accepts them, so every valid form is reachable, odd ones included.
 */
final class RandomInsns {
    private static final int[] SPECIAL = {0, 0, 0, 1, 8, 16, 32, 64, -1};
    private static final List<Integer> VALID_OPCODES = findValidOpcodes();

    private RandomInsns() {}

    /** {@return every opcode with at least one well-formed instruction} */
    static List<Integer> validOpcodes() {
        return VALID_OPCODES;
    }

    /** Tries each opcode with every combination of the field values the ISA gives meaning to. */
    private static List<Integer> findValidOpcodes() {
        int[] regs = {0, 1, 2};
        int[] offs = {0, 1, 8, 16, 32, -8};
        long[] imms = {0, 5, 16, 32, 64, 0x01, 0x40, 0x41, 0x50, 0x51, 0xa0, 0xa1, 0xe1, 0xf1};
        List<Integer> out = new ArrayList<>();
        for (int op = 0; op < 256; op++) {
            search:
            for (int dst : regs) {
                for (int src : regs) {
                    for (int off : offs) {
                        for (long imm : imms) {
                            if (InsnValidator.check(new Insn(op, dst, src, off, imm)) == null) {
                                out.add(op);
                                break search;
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** {@return a random well-formed instruction} */
    static Insn next(Random r) {
        int opcode = VALID_OPCODES.get(r.nextInt(VALID_OPCODES.size()));
        while (true) {
            Insn insn = fields(r, opcode);
            if (InsnValidator.check(insn) == null) {
                return insn;
            }
        }
    }

    private static Insn fields(Random r, int opcode) {
        int dst = r.nextBoolean() ? 0 : r.nextInt(Reg.COUNT);
        int src = r.nextBoolean() ? 0 : r.nextInt(Reg.COUNT);
        int off = r.nextBoolean() ? SPECIAL[r.nextInt(SPECIAL.length)] : (short) r.nextInt();
        long imm = r.nextBoolean() ? SPECIAL[r.nextInt(SPECIAL.length)] : r.nextInt();
        boolean atomic = InsnClass.of(opcode) == InsnClass.STX && MemMode.of(opcode) == MemMode.ATOMIC;
        if (atomic && r.nextInt(4) != 0) {
            imm = AtomicOp.values()[r.nextInt(AtomicOp.values().length)].code();
        }
        if (opcode == Insn.LDDW) {
            src = r.nextInt(4) == 0 ? r.nextInt(7) : 0;
            imm = r.nextBoolean() ? r.nextLong() : imm;
        }
        return new Insn(opcode, dst, src, off, imm);
    }

    /**
     * A random well-formed program of one function: {@code n} random instructions other than calls
     * of local functions and exits, jumps retargeted to instruction starts of the program, then
     * {@code exit}.
     */
    static Instructions program(Random r, int n) {
        List<Insn> insns = new ArrayList<>();
        while (insns.size() < n) {
            Insn insn = next(r);
            boolean func = insn.isWide() && insn.pseudoSrc() == PseudoSrc.FUNC;
            if (!insn.isLocalCall() && !insn.isExit() && !func) {
                insns.add(insn);
            }
        }
        insns.add(Insn.of(InsnClass.JMP.code() | JumpOp.EXIT.code(), 0, 0, 0, 0));
        Instructions shape = new Instructions(insns);
        for (int i = 0; i < insns.size(); i++) {
            Insn insn = insns.get(i);
            if (insn.hasJumpTarget()) {
                int slot = shape.slotOf(i);
                int offset = shape.slotOf(r.nextInt(insns.size())) - slot - 1;
                boolean inImm = insn.insnClass() == InsnClass.JMP32 && insn.jumpOp() == JumpOp.JA;
                insns.set(
                        i,
                        inImm
                                ? new Insn(insn.opcode(), 0, 0, 0, offset)
                                : new Insn(insn.opcode(), insn.dst(), insn.src(), offset, insn.imm()));
            }
        }
        return new Instructions(insns);
    }
}
