package dev.ebpfjvm.bench.workload;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The expected r0 of every workload, run after run: a Java model of each program, or for the
 * clang fixtures the return values their C source gives on the benchmark's frame and
 * {@code __sk_buff} (of which the kernel's test run keeps the low 32 bits, as these do).
 */
final class Models {
    private static final long TCX_NEXT = 0xffff_ffffL;
    private static final long TCX_PASS = 0;

    /** What one run returns; a model may keep state (a map) from run to run. */
    interface Model {
        long run(byte[] buffer);
    }

    /** A fresh model per workload name. */
    static final Map<String, Supplier<Model>> ALL = Map.ofEntries(
            Map.entry("empty", () -> b -> 0),
            Map.entry("alu64_loop", () -> MicroModels::alu64Loop),
            Map.entry("mem_rw_1k", () -> MicroModels::memRw1k),
            Map.entry("csum_1500", () -> MicroModels::csum1500),
            Map.entry("calls", () -> MicroModels::calls),
            Map.entry("div_loop", () -> MicroModels::divLoop),
            Map.entry("straight_line", () -> MicroModels::straightLine),
            Map.entry("alu_mix", () -> OwnModels::aluMix),
            Map.entry("parse_tcp", () -> OwnModels::parseTcp),
            Map.entry("parse_lookup", () -> b -> Workloads.FLOW_ACTION),
            Map.entry("inet_csum", () -> OwnModels::inetCsum),
            Map.entry("map_hash", () -> new OwnModels.MapHash()::run),
            // map_array: the iteration count
            Map.entry("map_array", () -> b -> 100),
            Map.entry("call_chain", () -> OwnModels::callChain),
            // ipv4_filter: no blocked source or port, so TCX_NEXT
            Map.entry("ipv4_filter", () -> b -> TCX_NEXT),
            // conntrack: the SYN|ACK frame creates its flow (TCX_PASS), which is then established (TCX_PASS)
            Map.entry("conntrack", () -> b -> TCX_PASS),
            // legacy_count: TC_ACT_OK while the mark is new, then TC_ACT_SHOT once legacy_seen holds it
            Map.entry("legacy_count", () -> firstThen(0, 2)),
            // percpu_stats: always TC_ACT_OK
            Map.entry("percpu_stats", () -> b -> 0),
            // atomic_ops: the old cmpxchg64 (0, then the 42 it stored) + cmpxchg32 (set to len) % 3
            Map.entry("atomic_ops", () -> firstThen(Workloads.SKB_LEN % 3, 42 + Workloads.SKB_LEN % 3)));

    private Models() {}

    private static Model firstThen(long first, long later) {
        boolean[] ran = {false};
        return b -> {
            long r0 = ran[0] ? later : first;
            ran[0] = true;
            return r0;
        };
    }
}
