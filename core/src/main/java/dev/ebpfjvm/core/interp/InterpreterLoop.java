package dev.ebpfjvm.core.interp;

import dev.ebpfjvm.core.exec.Alu;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Helper;
import dev.ebpfjvm.core.exec.PacketLoad;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.exec.TailCalls;
import dev.ebpfjvm.core.memory.Memory;

/**
 * The dispatch loop: one {@code switch} over the pre-decoded {@link Op} of each slot, with the
 * registers in a {@code long[]} and bpf-to-bpf calls kept in the same loop (a call saves r6–r9 and
 * the return slot; {@code exit} restores them), so that no Java call or object is made per
 * executed instruction. Mirrors {@code ___bpf_prog_run()} in kernel/bpf/core.c.
 *
 * <p>This class is longer than the others on purpose: every arm must sit in one method for the
 * switch to stay a single {@code tableswitch} that C2 compiles as a whole, and splitting the arms
 * by family into other methods would add a call and a second dispatch per instruction. Each arm is
 * one line that calls into {@code exec} ({@link Alu}, {@link PacketLoad}, {@link TailCalls}) or
 * {@link Access} for anything beyond a Java operator. The method's bytecode must stay under
 * HotSpot's 8000-byte {@code HugeMethodLimit} (research/jvm-facts.md, item 2), or it would never
 * be compiled; {@code InterpreterLoopTest} checks that.
 *
 * <p>Control flow: an arm ends with {@code continue} to go on with the next slot (a jump adds its
 * offset to pc before the loop's increment, as the offset counts from the next slot), or with {@code break} to leave the current function
 * with r0, which either returns from {@link #run} or pops a bpf-to-bpf frame.
 */
final class InterpreterLoop {
    private static final long LOW32 = 0xffffffffL;

    private InterpreterLoop() {}

    /**
     * Runs a function of a decoded program until it exits: the entry function (slot 0), or a
     * callback that a helper calls back into.
     *
     * @param start the first slot of the function
     * @param frame the call depth of the function (its stack frame)
     * @param r1 r1 at entry, and r2–r5 likewise
     * @return r0 at the function's exit
     */
    static long run(
            DecodedProgram program,
            ProgramContext ctx,
            int start,
            int frame,
            long r1,
            long r2,
            long r3,
            long r4,
            long r5) {
        // 16 registers, allocated here: with the length known and every index masked to 4 bits,
        // C2 drops the bounds checks of register accesses.
        final long[] regs = new long[16];
        regs[1] = r1;
        regs[2] = r2;
        regs[3] = r3;
        regs[4] = r4;
        regs[5] = r5;
        regs[10] = Memory.framePointer(frame);
        final long[] code = program.code;
        final Helper[] helpers = program.helpers;
        final boolean[] points = program.budgetPoints;
        final Memory memory = ctx.memory();
        final byte[] stack = memory.stack();
        long[] saved = null;
        int depth = frame;
        long left = ctx.budgetLeft();
        int pc = start;
        try {
            for (; ; pc++) {
                if (points[pc] && --left < 0) {
                    ctx.setBudgetLeft(0);
                    throw ctx.budgetExhausted(pc);
                }
                final long word = code[pc];
                final int d = ((int) word >>> 8) & 0xf;
                final int s = ((int) word >>> 12) & 0xf;
                final int off = (int) word >> 16;
                final long imm = word >> 32;
                switch ((int) word & 0xff) {
                    case Op.ADD64_K:
                        regs[d] += imm;
                        continue;
                    case Op.ADD64_X:
                        regs[d] += regs[s];
                        continue;
                    case Op.ADD32_K:
                        regs[d] = (regs[d] + imm) & LOW32;
                        continue;
                    case Op.ADD32_X:
                        regs[d] = (regs[d] + regs[s]) & LOW32;
                        continue;
                    case Op.SUB64_K:
                        regs[d] -= imm;
                        continue;
                    case Op.SUB64_X:
                        regs[d] -= regs[s];
                        continue;
                    case Op.SUB32_K:
                        regs[d] = (regs[d] - imm) & LOW32;
                        continue;
                    case Op.SUB32_X:
                        regs[d] = (regs[d] - regs[s]) & LOW32;
                        continue;
                    case Op.MUL64_K:
                        regs[d] *= imm;
                        continue;
                    case Op.MUL64_X:
                        regs[d] *= regs[s];
                        continue;
                    case Op.MUL32_K:
                        regs[d] = (regs[d] * imm) & LOW32;
                        continue;
                    case Op.MUL32_X:
                        regs[d] = (regs[d] * regs[s]) & LOW32;
                        continue;
                    case Op.DIV64_K:
                        regs[d] = Alu.div64(regs[d], imm);
                        continue;
                    case Op.DIV64_X:
                        regs[d] = Alu.div64(regs[d], regs[s]);
                        continue;
                    case Op.DIV32_K:
                        regs[d] = Alu.div32(regs[d], imm);
                        continue;
                    case Op.DIV32_X:
                        regs[d] = Alu.div32(regs[d], regs[s]);
                        continue;
                    case Op.SDIV64_K:
                        regs[d] = Alu.sdiv64(regs[d], imm);
                        continue;
                    case Op.SDIV64_X:
                        regs[d] = Alu.sdiv64(regs[d], regs[s]);
                        continue;
                    case Op.SDIV32_K:
                        regs[d] = Alu.sdiv32(regs[d], imm);
                        continue;
                    case Op.SDIV32_X:
                        regs[d] = Alu.sdiv32(regs[d], regs[s]);
                        continue;
                    case Op.OR64_K:
                        regs[d] |= imm;
                        continue;
                    case Op.OR64_X:
                        regs[d] |= regs[s];
                        continue;
                    case Op.OR32_K:
                        regs[d] = (regs[d] | imm) & LOW32;
                        continue;
                    case Op.OR32_X:
                        regs[d] = (regs[d] | regs[s]) & LOW32;
                        continue;
                    case Op.AND64_K:
                        regs[d] &= imm;
                        continue;
                    case Op.AND64_X:
                        regs[d] &= regs[s];
                        continue;
                    case Op.AND32_K:
                        regs[d] = regs[d] & imm & LOW32;
                        continue;
                    case Op.AND32_X:
                        regs[d] = regs[d] & regs[s] & LOW32;
                        continue;
                    case Op.LSH64_K:
                        regs[d] <<= imm;
                        continue;
                    case Op.LSH64_X:
                        regs[d] <<= regs[s];
                        continue;
                    case Op.LSH32_K:
                        regs[d] = ((int) regs[d] << imm) & LOW32;
                        continue;
                    case Op.LSH32_X:
                        regs[d] = ((int) regs[d] << regs[s]) & LOW32;
                        continue;
                    case Op.RSH64_K:
                        regs[d] >>>= imm;
                        continue;
                    case Op.RSH64_X:
                        regs[d] >>>= regs[s];
                        continue;
                    case Op.RSH32_K:
                        regs[d] = ((int) regs[d] >>> imm) & LOW32;
                        continue;
                    case Op.RSH32_X:
                        regs[d] = ((int) regs[d] >>> regs[s]) & LOW32;
                        continue;
                    case Op.MOD64_K:
                        regs[d] = Alu.mod64(regs[d], imm);
                        continue;
                    case Op.MOD64_X:
                        regs[d] = Alu.mod64(regs[d], regs[s]);
                        continue;
                    case Op.MOD32_K:
                        regs[d] = Alu.mod32(regs[d], imm);
                        continue;
                    case Op.MOD32_X:
                        regs[d] = Alu.mod32(regs[d], regs[s]);
                        continue;
                    case Op.SMOD64_K:
                        regs[d] = Alu.smod64(regs[d], imm);
                        continue;
                    case Op.SMOD64_X:
                        regs[d] = Alu.smod64(regs[d], regs[s]);
                        continue;
                    case Op.SMOD32_K:
                        regs[d] = Alu.smod32(regs[d], imm);
                        continue;
                    case Op.SMOD32_X:
                        regs[d] = Alu.smod32(regs[d], regs[s]);
                        continue;
                    case Op.XOR64_K:
                        regs[d] ^= imm;
                        continue;
                    case Op.XOR64_X:
                        regs[d] ^= regs[s];
                        continue;
                    case Op.XOR32_K:
                        regs[d] = (regs[d] ^ imm) & LOW32;
                        continue;
                    case Op.XOR32_X:
                        regs[d] = (regs[d] ^ regs[s]) & LOW32;
                        continue;
                    case Op.MOV64_K:
                        regs[d] = imm;
                        continue;
                    case Op.MOV64_X:
                        regs[d] = regs[s];
                        continue;
                    case Op.MOV32_K:
                        regs[d] = imm & LOW32;
                        continue;
                    case Op.MOV32_X:
                        regs[d] = regs[s] & LOW32;
                        continue;
                    case Op.ARSH64_K:
                        regs[d] >>= imm;
                        continue;
                    case Op.ARSH64_X:
                        regs[d] >>= regs[s];
                        continue;
                    case Op.ARSH32_K:
                        regs[d] = ((int) regs[d] >> imm) & LOW32;
                        continue;
                    case Op.ARSH32_X:
                        regs[d] = ((int) regs[d] >> regs[s]) & LOW32;
                        continue;
                    case Op.NEG64:
                        regs[d] = -regs[d];
                        continue;
                    case Op.NEG32:
                        regs[d] = -regs[d] & LOW32;
                        continue;
                    case Op.MOVSX64:
                        regs[d] = Alu.signExtend(regs[s], off);
                        continue;
                    case Op.MOVSX32:
                        regs[d] = Alu.signExtend(regs[s], off) & LOW32;
                        continue;
                    case Op.END_LE:
                        regs[d] = Alu.truncate(regs[d], (int) imm);
                        continue;
                    case Op.END_SWAP:
                        regs[d] = Alu.bswap(regs[d], (int) imm);
                        continue;

                    case Op.JA:
                        pc += (int) imm;
                        continue;
                    case Op.JEQ64_K:
                        if (regs[d] == imm) {
                            pc += off;
                        }
                        continue;
                    case Op.JEQ64_X:
                        if (regs[d] == regs[s]) {
                            pc += off;
                        }
                        continue;
                    case Op.JEQ32_K:
                        if ((int) regs[d] == (int) imm) {
                            pc += off;
                        }
                        continue;
                    case Op.JEQ32_X:
                        if ((int) regs[d] == (int) regs[s]) {
                            pc += off;
                        }
                        continue;
                    case Op.JGT64_K:
                        if (Long.compareUnsigned(regs[d], imm) > 0) {
                            pc += off;
                        }
                        continue;
                    case Op.JGT64_X:
                        if (Long.compareUnsigned(regs[d], regs[s]) > 0) {
                            pc += off;
                        }
                        continue;
                    case Op.JGT32_K:
                        if (Integer.compareUnsigned((int) regs[d], (int) imm) > 0) {
                            pc += off;
                        }
                        continue;
                    case Op.JGT32_X:
                        if (Integer.compareUnsigned((int) regs[d], (int) regs[s]) > 0) {
                            pc += off;
                        }
                        continue;
                    case Op.JGE64_K:
                        if (Long.compareUnsigned(regs[d], imm) >= 0) {
                            pc += off;
                        }
                        continue;
                    case Op.JGE64_X:
                        if (Long.compareUnsigned(regs[d], regs[s]) >= 0) {
                            pc += off;
                        }
                        continue;
                    case Op.JGE32_K:
                        if (Integer.compareUnsigned((int) regs[d], (int) imm) >= 0) {
                            pc += off;
                        }
                        continue;
                    case Op.JGE32_X:
                        if (Integer.compareUnsigned((int) regs[d], (int) regs[s]) >= 0) {
                            pc += off;
                        }
                        continue;
                    case Op.JSET64_K:
                        if ((regs[d] & imm) != 0) {
                            pc += off;
                        }
                        continue;
                    case Op.JSET64_X:
                        if ((regs[d] & regs[s]) != 0) {
                            pc += off;
                        }
                        continue;
                    case Op.JSET32_K:
                        if ((regs[d] & imm & LOW32) != 0) {
                            pc += off;
                        }
                        continue;
                    case Op.JSET32_X:
                        if ((regs[d] & regs[s] & LOW32) != 0) {
                            pc += off;
                        }
                        continue;
                    case Op.JNE64_K:
                        if (regs[d] != imm) {
                            pc += off;
                        }
                        continue;
                    case Op.JNE64_X:
                        if (regs[d] != regs[s]) {
                            pc += off;
                        }
                        continue;
                    case Op.JNE32_K:
                        if ((int) regs[d] != (int) imm) {
                            pc += off;
                        }
                        continue;
                    case Op.JNE32_X:
                        if ((int) regs[d] != (int) regs[s]) {
                            pc += off;
                        }
                        continue;
                    case Op.JSGT64_K:
                        if (regs[d] > imm) {
                            pc += off;
                        }
                        continue;
                    case Op.JSGT64_X:
                        if (regs[d] > regs[s]) {
                            pc += off;
                        }
                        continue;
                    case Op.JSGT32_K:
                        if ((int) regs[d] > (int) imm) {
                            pc += off;
                        }
                        continue;
                    case Op.JSGT32_X:
                        if ((int) regs[d] > (int) regs[s]) {
                            pc += off;
                        }
                        continue;
                    case Op.JSGE64_K:
                        if (regs[d] >= imm) {
                            pc += off;
                        }
                        continue;
                    case Op.JSGE64_X:
                        if (regs[d] >= regs[s]) {
                            pc += off;
                        }
                        continue;
                    case Op.JSGE32_K:
                        if ((int) regs[d] >= (int) imm) {
                            pc += off;
                        }
                        continue;
                    case Op.JSGE32_X:
                        if ((int) regs[d] >= (int) regs[s]) {
                            pc += off;
                        }
                        continue;
                    case Op.JLT64_K:
                        if (Long.compareUnsigned(regs[d], imm) < 0) {
                            pc += off;
                        }
                        continue;
                    case Op.JLT64_X:
                        if (Long.compareUnsigned(regs[d], regs[s]) < 0) {
                            pc += off;
                        }
                        continue;
                    case Op.JLT32_K:
                        if (Integer.compareUnsigned((int) regs[d], (int) imm) < 0) {
                            pc += off;
                        }
                        continue;
                    case Op.JLT32_X:
                        if (Integer.compareUnsigned((int) regs[d], (int) regs[s]) < 0) {
                            pc += off;
                        }
                        continue;
                    case Op.JLE64_K:
                        if (Long.compareUnsigned(regs[d], imm) <= 0) {
                            pc += off;
                        }
                        continue;
                    case Op.JLE64_X:
                        if (Long.compareUnsigned(regs[d], regs[s]) <= 0) {
                            pc += off;
                        }
                        continue;
                    case Op.JLE32_K:
                        if (Integer.compareUnsigned((int) regs[d], (int) imm) <= 0) {
                            pc += off;
                        }
                        continue;
                    case Op.JLE32_X:
                        if (Integer.compareUnsigned((int) regs[d], (int) regs[s]) <= 0) {
                            pc += off;
                        }
                        continue;
                    case Op.JSLT64_K:
                        if (regs[d] < imm) {
                            pc += off;
                        }
                        continue;
                    case Op.JSLT64_X:
                        if (regs[d] < regs[s]) {
                            pc += off;
                        }
                        continue;
                    case Op.JSLT32_K:
                        if ((int) regs[d] < (int) imm) {
                            pc += off;
                        }
                        continue;
                    case Op.JSLT32_X:
                        if ((int) regs[d] < (int) regs[s]) {
                            pc += off;
                        }
                        continue;
                    case Op.JSLE64_K:
                        if (regs[d] <= imm) {
                            pc += off;
                        }
                        continue;
                    case Op.JSLE64_X:
                        if (regs[d] <= regs[s]) {
                            pc += off;
                        }
                        continue;
                    case Op.JSLE32_K:
                        if ((int) regs[d] <= (int) imm) {
                            pc += off;
                        }
                        continue;
                    case Op.JSLE32_X:
                        if ((int) regs[d] <= (int) regs[s]) {
                            pc += off;
                        }
                        continue;

                    case Op.LDDW:
                        regs[d] = code[++pc];
                        continue;
                    case Op.LDX_B:
                        regs[d] = Access.load(memory, stack, regs[s] + off, 1);
                        continue;
                    case Op.LDX_H:
                        regs[d] = Access.load(memory, stack, regs[s] + off, 2);
                        continue;
                    case Op.LDX_W:
                        regs[d] = Access.load(memory, stack, regs[s] + off, 4);
                        continue;
                    case Op.LDX_DW:
                        regs[d] = Access.load(memory, stack, regs[s] + off, 8);
                        continue;
                    case Op.LDSX_B:
                        regs[d] = Alu.signExtend(Access.load(memory, stack, regs[s] + off, 1), 8);
                        continue;
                    case Op.LDSX_H:
                        regs[d] = Alu.signExtend(Access.load(memory, stack, regs[s] + off, 2), 16);
                        continue;
                    case Op.LDSX_W:
                        regs[d] = Alu.signExtend(Access.load(memory, stack, regs[s] + off, 4), 32);
                        continue;
                    case Op.ST_B:
                        Access.store(memory, stack, regs[d] + off, 1, imm);
                        continue;
                    case Op.ST_H:
                        Access.store(memory, stack, regs[d] + off, 2, imm);
                        continue;
                    case Op.ST_W:
                        Access.store(memory, stack, regs[d] + off, 4, imm);
                        continue;
                    case Op.ST_DW:
                        Access.store(memory, stack, regs[d] + off, 8, imm);
                        continue;
                    case Op.STX_B:
                        Access.store(memory, stack, regs[d] + off, 1, regs[s]);
                        continue;
                    case Op.STX_H:
                        Access.store(memory, stack, regs[d] + off, 2, regs[s]);
                        continue;
                    case Op.STX_W:
                        Access.store(memory, stack, regs[d] + off, 4, regs[s]);
                        continue;
                    case Op.STX_DW:
                        Access.store(memory, stack, regs[d] + off, 8, regs[s]);
                        continue;
                    case Op.ATOMIC_W:
                        Access.atomic(memory, regs, d, s, off, 4, (int) imm);
                        continue;
                    case Op.ATOMIC_DW:
                        Access.atomic(memory, regs, d, s, off, 8, (int) imm);
                        continue;
                    case Op.LD_PKT:
                        regs[0] = PacketLoad.load(memory, regs[s] + imm, off);
                        if (regs[0] >= 0) {
                            continue;
                        }
                        regs[0] = 0; // out of the packet: the function returns 0
                        break;

                    case Op.CALL_HELPER:
                        ctx.setBudgetLeft(left);
                        ctx.setCallDepth(depth); // a callback the helper makes runs on the next frame
                        regs[0] = helpers[pc].call(ctx, regs[1], regs[2], regs[3], regs[4], regs[5]);
                        left = ctx.budgetLeft();
                        continue;
                    case Op.CALLX:
                        ctx.setBudgetLeft(left);
                        regs[0] = Access.callx(program, ctx, regs, d);
                        left = ctx.budgetLeft();
                        continue;
                    case Op.TAIL_CALL: {
                        Executable target = TailCalls.resolve(ctx, regs[2], regs[3]);
                        if (target == null) {
                            regs[0] = TailCalls.FALL_THROUGH_R0;
                            continue;
                        }
                        ctx.setBudgetLeft(left);
                        regs[0] = TailCalls.enter(target, ctx, regs[1], 0, depth);
                        left = ctx.budgetLeft();
                        break; // the target's exit is this function's exit
                    }
                    case Op.CALL_LOCAL:
                        if (saved == null) {
                            saved = new long[Memory.MAX_FRAMES * SAVED_PER_FRAME];
                        }
                        push(regs, saved, depth++, pc);
                        pc += (int) imm;
                        continue;
                    case Op.EXIT:
                        break;
                    default:
                        throw new IllegalStateException("slot " + pc + " holds no operation");
                }
                if (depth == frame) {
                    ctx.setBudgetLeft(left);
                    return regs[0];
                }
                pc = pop(regs, saved, --depth);
            }
        } catch (RuntimeException e) {
            throw Faults.at(program, pc, regs, e);
        }
    }

    /** r6–r9 and the slot of the call, saved per call depth. */
    private static final int SAVED_PER_FRAME = 5;

    /**
     * Enters a bpf-to-bpf callee: r1–r5 pass as they are, r6–r9 and the call slot are saved, r10
     * moves to the callee's frame. Mirrors the verifier's limit of {@code MAX_CALL_FRAMES}.
     */
    private static void push(long[] regs, long[] saved, int depth, int pc) {
        if (depth + 1 >= Memory.MAX_FRAMES) {
            throw Faults.callStackTooDeep(pc, depth + 2);
        }
        int base = depth * SAVED_PER_FRAME;
        saved[base] = regs[6];
        saved[base + 1] = regs[7];
        saved[base + 2] = regs[8];
        saved[base + 3] = regs[9];
        saved[base + 4] = pc;
        regs[10] = Memory.framePointer(depth + 1);
    }

    /** Returns to the caller at {@code depth}: restores r6–r9 and r10, and gives the call slot. */
    private static int pop(long[] regs, long[] saved, int depth) {
        int base = depth * SAVED_PER_FRAME;
        regs[6] = saved[base];
        regs[7] = saved[base + 1];
        regs[8] = saved[base + 2];
        regs[9] = saved[base + 3];
        regs[10] = Memory.framePointer(depth);
        return (int) saved[base + 4];
    }
}
