package dev.ebpfjvm.core.isa;

import java.util.Arrays;
import java.util.List;

/**
 * A program's instructions with their slot positions. Jump offsets count 8-byte slots, and an
 * {@code lddw} fills two, so engines address instructions by slot: {@link #atSlot(int)} gives the
 * instruction starting at a slot, or null for the second half of an lddw.
 */
public final class Instructions {
    private final List<Insn> insns;
    private final int[] slotOfIndex;
    private final Insn[] bySlot;

    /** Wraps a list of instructions; it is copied. */
    public Instructions(List<Insn> insns) {
        this.insns = List.copyOf(insns);
        this.slotOfIndex = new int[this.insns.size()];
        int slot = 0;
        for (int i = 0; i < slotOfIndex.length; i++) {
            slotOfIndex[i] = slot;
            slot += this.insns.get(i).slots();
        }
        this.bySlot = new Insn[slot];
        for (int i = 0; i < slotOfIndex.length; i++) {
            bySlot[slotOfIndex[i]] = this.insns.get(i);
        }
    }

    /** {@return the instructions in program order} */
    public List<Insn> list() {
        return insns;
    }

    /** {@return the number of instructions (an lddw counts once)} */
    public int size() {
        return insns.size();
    }

    /** {@return the number of 8-byte slots (an lddw counts twice)} */
    public int slotCount() {
        return bySlot.length;
    }

    /** {@return the slot where the instruction of the given index starts} */
    public int slotOf(int index) {
        return slotOfIndex[index];
    }

    /** {@return the instruction starting at a slot, or null for the second slot of an lddw} */
    public Insn atSlot(int slot) {
        return bySlot[slot];
    }

    /** {@return the little-endian encoding, 8 bytes a slot} */
    public byte[] encode() {
        return InsnCodec.encode(insns);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Instructions && ((Instructions) o).insns.equals(insns);
    }

    @Override
    public int hashCode() {
        return insns.hashCode();
    }

    @Override
    public String toString() {
        return "Instructions" + Arrays.toString(insns.toArray());
    }
}
