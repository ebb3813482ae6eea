package dev.ebpfjvm.core.verifier;

import java.util.ArrayList;
import java.util.List;

/**
 * The abstract state of one path ({@code struct bpf_verifier_state}): its call frames, the
 * references it holds (ring-buffer reservations not yet submitted or discarded, with the slot that
 * acquired each) and whether it holds a spin lock.
 */
final class VerifierState {
    final List<FuncState> frames = new ArrayList<>();
    /** Acquired references: {id, slot of the acquiring call}. */
    final List<int[]> refs = new ArrayList<>();

    boolean lockHeld;
    /** The map value (map and pointer id) whose lock is held. */
    MapRef lockMap;

    int lockId;
    /** How many callback iterations this path has queued (the kernel's callback_unroll_depth). */
    int callbackDepth;
    /** The latest checkpoint on this path, whose branch count this path keeps alive. */
    Checkpoint checkpoint;

    VerifierState copy() {
        VerifierState s = new VerifierState();
        for (FuncState f : frames) {
            s.frames.add(f.copy());
        }
        for (int[] r : refs) {
            s.refs.add(r.clone());
        }
        s.lockHeld = lockHeld;
        s.lockMap = lockMap;
        s.lockId = lockId;
        s.callbackDepth = callbackDepth;
        s.checkpoint = checkpoint;
        return s;
    }

    FuncState cur() {
        return frames.get(frames.size() - 1);
    }

    RegState reg(int r) {
        return cur().regs[r];
    }

    /** {@return every register and spilled register of every frame (for id propagation)} */
    List<RegState> allRegs() {
        List<RegState> all = new ArrayList<>();
        for (FuncState f : frames) {
            for (RegState r : f.regs) {
                all.add(r);
            }
            for (RegState r : f.spills) {
                if (r != null) {
                    all.add(r);
                }
            }
        }
        return all;
    }

    boolean holdsRef(int id) {
        for (int[] r : refs) {
            if (r[0] == id) {
                return true;
            }
        }
        return false;
    }

    void releaseRef(int id) {
        refs.removeIf(r -> r[0] == id);
        for (RegState r : allRegs()) {
            if (r.refObjId == id) {
                r.markUnknown(); // mark_reg_invalid(): privileged loaders keep an unknown scalar
            }
        }
    }

    /** A saved state at a prune point and the number of paths from it still being explored. */
    static final class Checkpoint {
        final VerifierState state;
        final Checkpoint parent;
        final int slot;
        int branches = 1;

        Checkpoint(VerifierState state, Checkpoint parent, int slot) {
            this.state = state;
            this.parent = parent;
            this.slot = slot;
        }
    }
}
