package dev.ebpfjvm.core.verifier;

/**
 * The numbers of the kernel's closing log line.
 *
 * @param processed instructions processed over all paths
 * @param maxStatesPerInsn the most states kept at one instruction
 * @param totalStates states kept
 * @param peakStates the most states alive at once
 * @param markRead registers marked read (always 0: liveness here is static)
 */
public record VerifierStats(int processed, int maxStatesPerInsn, int totalStates, int peakStates, int markRead) {
    /** {@return the kernel's statistics line} */
    public String line() {
        return "processed " + processed + " insns (limit " + Explorer.INSN_LIMIT + ") max_states_per_insn "
                + maxStatesPerInsn + " total_states " + totalStates + " peak_states " + peakStates + " mark_read "
                + markRead;
    }
}
