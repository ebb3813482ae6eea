package dev.ebpfjvm.core.verifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The BPF verifier: proves a program safe as the Linux kernel's kernel/bpf/verifier.c (v6.18)
 * does for a privileged loader, or rejects it with the kernel's reason and a kernel-style log.
 * Structure first ({@link Cfg}), then every path ({@link Explorer}), then the combined stack of
 * the call chains. The one entry point is {@link #verify(VerifierInput)}.
 */
public final class Verifier {
    private Verifier() {}

    /**
     * Verifies a program.
     *
     * @param in the program and what it refers to ({@link VerifierInputs#of} builds one from an object)
     * @return the accepted program with its per-instruction facts
     * @throws VerifierException when the kernel would reject the program, naming the slot and why
     */
    public static VerifiedProgram verify(VerifierInput in) {
        VerifierLog log = new VerifierLog(in.options().logLevel());
        Explorer ex = null;
        try {
            Cfg cfg = Cfg.of(in);
            ex = new Explorer(in, cfg, log);
            ex.run();
            checkCombinedStack(ex, cfg);
        } catch (VerifyError e) {
            for (String line : e.getMessage().split("\n")) {
                log.add(line);
            }
            log.add(stats(ex).line());
            throw new VerifierException(in.name(), e.slot, e.getMessage(), log.lines());
        }
        VerifierStats stats = stats(ex);
        log.add(stats.line());
        return new VerifiedProgram(in.name(), in.insns(), ex.facts, stats, log.lines());
    }

    private static VerifierStats stats(Explorer ex) {
        if (ex == null) {
            return new VerifierStats(0, 0, 0, 0, 0);
        }
        return new VerifierStats(
                Math.min(ex.processed, Explorer.INSN_LIMIT + 1), ex.maxStatesPerInsn, ex.totalStates, ex.peakStates, 0);
    }

    /**
     * Mirrors check_max_stack_depth(): along every chain of calls (callbacks included) the frames,
     * each rounded up to 16 bytes as with the JIT, may hold at most 512 bytes together.
     */
    private static void checkCombinedStack(Explorer ex, Cfg cfg) {
        Map<Integer, List<int[]>> callsFrom = new HashMap<>();
        for (Map.Entry<Integer, Integer> c : ex.facts.calls.entrySet()) {
            callsFrom
                    .computeIfAbsent(cfg.functionOf(c.getKey()), k -> new ArrayList<>())
                    .add(new int[] {c.getKey(), c.getValue()});
        }
        walk(ex, callsFrom, 0, 0, 1, new ArrayList<>());
    }

    private static boolean hasTailCall(Explorer ex, int fn) {
        for (int slot : ex.facts.tailCalls.keySet()) {
            if (ex.cfg.functionOf(slot) == fn) {
                return true;
            }
        }
        return false;
    }

    private static void walk(
            Explorer ex, Map<Integer, List<int[]>> callsFrom, int fn, int above, int frames, List<Integer> chain) {
        if (frames > CallChecks.MAX_FRAMES) {
            throw new VerifyError(fn, "the call stack of " + (frames - 1) + " frames is too deep !");
        }
        if (fn != 0 && above >= 256 && hasTailCall(ex, fn)) {
            throw new VerifyError(
                    fn,
                    "tail_calls are not allowed when call stack of previous frames is " + above + " bytes. Too large");
        }
        int depth = ex.funcDepth.getOrDefault(fn, 0);
        int total = above + ((depth + 15) & ~15);
        if (total > FuncState.STACK_SIZE) {
            throw new VerifyError(fn, "combined stack size of " + frames + " calls is " + total + ". Too large");
        }
        for (int[] call : callsFrom.getOrDefault(fn, List.of())) {
            walk(ex, callsFrom, call[1], total, frames + 1, chain);
        }
    }
}
