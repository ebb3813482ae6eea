package dev.ebpfjvm.core.verifier;

import java.util.Arrays;

/**
 * One frame of a path ({@code struct bpf_func_state}): registers r0–r10 and the 512-byte stack,
 * byte by byte ({@link #INVALID}, {@link #MISC}, {@link #ZERO} or part of a {@link #SPILL}ed
 * register, whose state is kept per 8-byte slot). Byte {@code b} of the array is the stack byte
 * at {@code fp + b - 512}.
 */
final class FuncState {
    static final int STACK_SIZE = 512;
    static final byte INVALID = 0;
    static final byte MISC = 1;
    static final byte ZERO = 2;
    static final byte SPILL = 3;
    /** A byte of a narrow constant store, its value in {@link #known}. */
    static final byte KNOWN = 4;

    final RegState[] regs = new RegState[11];
    final byte[] stack;
    /** The values of {@link #KNOWN} bytes. */
    final byte[] known;

    final RegState[] spills;
    /** The frame number (0 for the main program). */
    final int frameNo;
    /** The slot of the call that made this frame, -1 for frame 0. */
    final int callSite;
    /** The slot where this frame's function starts. */
    final int funcStart;
    /** True for a callback frame ({@code bpf_loop}), whose exit returns to the call of the helper. */
    final boolean callback;
    /** The deepest stack byte written or read, as a positive depth. */
    int depth;
    /** For a callback frame: the context argument the helper passes each iteration. */
    RegState callbackArg;

    FuncState(int frameNo, int callSite, int funcStart, boolean callback) {
        this.frameNo = frameNo;
        this.callSite = callSite;
        this.funcStart = funcStart;
        this.callback = callback;
        this.stack = new byte[STACK_SIZE];
        this.known = new byte[STACK_SIZE];
        this.spills = new RegState[STACK_SIZE / 8];
        for (int i = 0; i < regs.length; i++) {
            regs[i] = RegState.notInit();
        }
        RegState fp = RegState.pointer(RegType.PTR_TO_STACK);
        fp.frameNo = frameNo;
        regs[10] = fp;
    }

    private FuncState(FuncState o) {
        this.frameNo = o.frameNo;
        this.callSite = o.callSite;
        this.funcStart = o.funcStart;
        this.callback = o.callback;
        this.depth = o.depth;
        this.callbackArg = o.callbackArg == null ? null : o.callbackArg.copy();
        this.stack = o.stack.clone();
        this.known = o.known.clone();
        this.spills = new RegState[o.spills.length];
        for (int i = 0; i < spills.length; i++) {
            spills[i] = o.spills[i] == null ? null : o.spills[i].copy();
        }
        for (int i = 0; i < regs.length; i++) {
            regs[i] = o.regs[i].copy();
        }
    }

    FuncState copy() {
        return new FuncState(this);
    }

    /** {@return the byte index of a frame offset (fp + off)} */
    static int byteOf(int off) {
        return STACK_SIZE + off;
    }

    void touch(int off) {
        depth = Math.max(depth, -off);
    }

    /** Marks bytes [off, off+size) as written with a non-spill value, breaking any spill they touch. */
    void writeBytes(int off, int size, byte kind) {
        for (int i = 0; i < size; i++) {
            int b = byteOf(off + i);
            int slot = b / 8;
            if (spills[slot] != null) {
                // a partial overwrite turns the rest of the spilled register into plain data
                for (int j = slot * 8; j < slot * 8 + 8; j++) {
                    if (stack[j] == SPILL) {
                        stack[j] = MISC;
                    }
                }
                spills[slot] = null;
            }
            stack[b] = kind;
        }
        touch(off);
    }

    /** Records a constant stored with fewer than 8 bytes, byte by byte. */
    void writeConst(int off, int size, long v) {
        writeBytes(off, size, MISC);
        for (int i = 0; i < size; i++) {
            int b = byteOf(off + i);
            byte val = (byte) (v >>> (8 * i));
            stack[b] = val == 0 ? ZERO : KNOWN;
            known[b] = val;
        }
    }

    /** {@return the constant bytes [off, off+size) hold, or null when one is not known} */
    Long constantAt(int off, int size) {
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            int b = byteOf(off + i);
            if (stack[b] != ZERO && stack[b] != KNOWN) {
                return null;
            }
            v = (v << 8) | (stack[b] == ZERO ? 0 : known[b] & 0xff);
        }
        return v;
    }

    void spill(int off, RegState reg) {
        int b = byteOf(off);
        int slot = b / 8;
        spills[slot] = reg.copy();
        Arrays.fill(stack, slot * 8, slot * 8 + 8, SPILL);
        touch(off);
    }

    /** {@return the spilled register of an 8-aligned offset, or null} */
    RegState spillAt(int off) {
        int b = byteOf(off);
        return b % 8 == 0 && b >= 0 ? spills[b / 8] : null;
    }

    String describe(boolean all) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < regs.length; i++) {
            if (regs[i].type != RegType.NOT_INIT) {
                sb.append(sb.length() == 0 ? "" : " ")
                        .append('R')
                        .append(i)
                        .append('=')
                        .append(regs[i].describe());
            }
        }
        for (int slot = spills.length - 1; slot >= 0; slot--) {
            int off = slot * 8 - STACK_SIZE;
            if (spills[slot] != null) {
                sb.append(" fp").append(off).append('=').append(spills[slot].describe());
            } else {
                StringBuilder kinds = new StringBuilder();
                boolean any = false;
                for (int j = 7; j >= 0; j--) {
                    byte k = stack[slot * 8 + j];
                    any |= k != INVALID;
                    kinds.append(k == MISC ? 'm' : k == ZERO ? '0' : k == KNOWN ? 'k' : '?');
                }
                if (any) {
                    sb.append(" fp").append(off).append('=').append(kinds);
                }
            }
        }
        return sb.toString();
    }
}
