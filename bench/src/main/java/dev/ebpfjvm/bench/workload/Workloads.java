package dev.ebpfjvm.bench.workload;

import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.MapType;
import dev.ebpfjvm.core.maps.Pinning;
import dev.ebpfjvm.core.memory.LittleEndian;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Every benchmark program, by name: the seven micro programs of testdata/bench (copied into the
 * jar, with the native timings they are compared with), our own assembled programs, and
 * clang-compiled tc fixtures of {@code testdata/} run on an skb as the kernel's test run does.
 */
public final class Workloads {
    /** The length of the fixtures' frame (a full-size Ethernet frame). */
    public static final int SKB_LEN = 1514;
    /** The mark of the fixtures' input {@code __sk_buff}. */
    public static final int SKB_MARK = 7;
    /** The action {@code parse_lookup}'s map holds for the benchmark frame's flow. */
    public static final int FLOW_ACTION = 7;

    private static final String PROGRAMS = "/dev/ebpfjvm/bench/programs/";
    private static final List<Workload> ALL = List.of(
            micro("empty"),
            micro("alu64_loop"),
            micro("mem_rw_1k"),
            micro("csum_1500"),
            micro("calls"),
            micro("div_loop"),
            micro("straight_line"),
            asm("alu_mix", Inputs::random),
            asm("parse_tcp", Inputs::tcpFrame),
            asm("parse_lookup", Inputs::tcpFrame, flows()),
            asm("inet_csum", Inputs::tcpFrame),
            asm("map_hash", Inputs::random, MapSpec.of("counters", MapType.HASH, 4, 8, 64, 0)),
            asm(
                    "map_array",
                    Inputs::random,
                    MapSpec.of("counters", MapType.ARRAY, 4, 8, 16, 0),
                    MapSpec.of("last", MapType.HASH, 4, 8, 8, 0)),
            asm("call_chain", Inputs::random),
            fixture("ipv4_filter", "ipv4_filter"),
            fixture("conntrack", "conntrack"),
            fixture("legacy_count", "legacy_maps"),
            fixture("percpu_stats", "percpu_stats"),
            fixture("atomic_ops", "atomics"));

    private Workloads() {}

    /** {@return every workload, micro programs first} */
    public static List<Workload> all() {
        return ALL;
    }

    /** {@return the names of every workload, in order} */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        ALL.forEach(w -> names.add(w.name()));
        return names;
    }

    /**
     * {@return the workload of a name}
     *
     * @throws IllegalArgumentException when there is none
     */
    public static Workload byName(String name) {
        for (Workload w : ALL) {
            if (w.name().equals(name)) {
                return w;
            }
        }
        throw new IllegalArgumentException("no workload '" + name + "' (have " + names() + ")");
    }

    /**
     * {@return the key {@code parse_lookup} builds for a frame} {@code daddr << 32 | dport}, both
     * loaded little-endian from the frame as the program loads them.
     */
    public static long flowKey(byte[] frame) {
        return LittleEndian.getU32(frame, Inputs.IP + 16) << 32 | LittleEndian.getU16(frame, Inputs.TCP + 2);
    }

    private static Workload micro(String name) {
        return new AsmWorkload(name, "micro", PROGRAMS + "micro/" + name + ".asm", Inputs::random, List.of());
    }

    private static Workload asm(String name, IntFunction<byte[]> input, MapSpec... maps) {
        return new AsmWorkload(name, "asm", PROGRAMS + name + ".asm", input, List.of(maps));
    }

    private static Workload fixture(String program, String object) {
        return new FixtureWorkload(program, object, () -> Inputs.tcpFrame(SKB_LEN), () -> Inputs.skbIn(SKB_MARK));
    }

    /**
     * The flow table of {@code parse_lookup}, as in the ceiling measurement of
     * research/jvm-facts.md (item 4): 20 flows in 64 slots, the benchmark frame's among them.
     */
    private static MapSpec flows() {
        List<MapSpec.Init> entries = new ArrayList<>();
        entries.add(flowEntry(flowKey(Inputs.tcpFrame(64)), FLOW_ACTION));
        for (int i = 1; i < 20; i++) {
            entries.add(flowEntry((0x0a00_0100L + i) << 32 | (80 + i), i % 4));
        }
        return new MapSpec("flows", MapType.HASH, 8, 4, 64, 0, Pinning.NONE, null, entries);
    }

    private static MapSpec.Init flowEntry(long key, int action) {
        byte[] k = new byte[8];
        byte[] v = new byte[4];
        LittleEndian.putU64(k, 0, key);
        LittleEndian.putU32(v, 0, action);
        return new MapSpec.Init(k, v, null);
    }
}
