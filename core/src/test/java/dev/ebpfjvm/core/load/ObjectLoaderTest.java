package dev.ebpfjvm.core.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.InvalidProgramException;
import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.elf.Fixtures;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.elf.ProgramSpec;
import dev.ebpfjvm.core.elf.Relocation;
import dev.ebpfjvm.core.exec.HelperFunction;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.helpers.HelperId;
import dev.ebpfjvm.core.helpers.MapHelpers;
import dev.ebpfjvm.core.helpers.TcHelpers;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.PseudoSrc;
import dev.ebpfjvm.core.maps.ArrayOfMapsMap;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.maps.HashOfMapsMap;
import dev.ebpfjvm.core.maps.MapException;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.PerfEventArrayMap;
import dev.ebpfjvm.core.maps.PinRegistry;
import dev.ebpfjvm.core.maps.ProgArrayMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ObjectLoader: maps, pinning, globals, relocations, slots and failures, on the fixtures. */
class ObjectLoaderTest {
    private final PinRegistry pins = new PinRegistry();
    private final ObjectLoader loader =
            ObjectLoader.builder().pins(pins).cpus(2).build();

    /** The fixtures whose programs call only map, ring buffer and tail-call helpers. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "atomics",
                "btf_kinds",
                "conntrack",
                "eth_proto_count",
                "ipv4_filter",
                "ipv6_flows",
                "legacy_maps",
                "loops",
                "map_in_map",
                "percpu_stats",
                "ringbuf_events",
                "tail_calls"
            })
    void load_createsEveryMapAndProgram(String name) {
        ObjectSpec spec = Fixtures.spec(name);
        try (LoadedObject obj = loader.load(spec)) {
            assertEquals(
                    spec.maps().stream().map(MapSpec::name).toList(),
                    List.copyOf(obj.maps().keySet()));
            assertEquals(
                    spec.programs().stream().map(ProgramSpec::name).toList(),
                    List.copyOf(obj.programs().keySet()));
            for (ProgramSpec p : spec.programs()) {
                assertRelocated(p, obj);
            }
        }
    }

    /** Every map reference holds the map's address and every global-data reference its value's, src kept. */
    private static void assertRelocated(ProgramSpec p, LoadedObject obj) {
        for (Relocation r : p.relocations()) {
            Insn insn = obj.program(p.name()).program().insns().atSlot(r.slot());
            switch (r.kind()) {
                case MAP:
                    assertEquals(PseudoSrc.MAP_FD, insn.pseudoSrc());
                    assertEquals(obj.map(r.target()).address(), insn.imm());
                    break;
                case MAP_VALUE:
                    assertEquals(PseudoSrc.MAP_VALUE, insn.pseudoSrc());
                    assertEquals(obj.map(r.target()).valueAddress(r.offset()), insn.imm());
                    break;
                default:
                    assertEquals(p.insns().atSlot(r.slot()), insn, "calls are linked in the spec already");
            }
        }
    }

    @Test
    void load_fillsProgArrayFromValues() {
        try (LoadedObject obj = loader.load(Fixtures.spec("tail_calls"))) {
            ProgArrayMap jmp = (ProgArrayMap) obj.map("jmp_table");
            assertSame(obj.program("handle_icmp"), jmp.get(1));
            assertSame(obj.program("handle_tcp"), jmp.get(6));
            assertSame(obj.program("handle_udp"), jmp.get(17));
            assertEquals(null, jmp.get(0));
        }
    }

    /** libbpf's map_set_def_max_entries(): a perf event array declared without max_entries gets one slot per CPU. */
    @Test
    void load_givesPerfEventArrayOneSlotPerCpu() {
        ObjectSpec spec = Fixtures.spec("perf_events");
        assertEquals(0, spec.map("events").orElseThrow().maxEntries());
        ObjectLoader tc = ObjectLoader.builder()
                .pins(pins)
                .cpus(3)
                .helpers(TcHelpers.registry())
                .build();
        try (LoadedObject obj = tc.load(spec)) {
            PerfEventArrayMap events = (PerfEventArrayMap) obj.map("events");
            assertEquals(3, events.maxEntries());
            assertEquals(3, events.spec().maxEntries());
        }
    }

    @Test
    void load_fillsMapInMapsFromValues() {
        try (LoadedObject obj = loader.load(Fixtures.spec("map_in_map"))) {
            ArrayOfMapsMap byProto = (ArrayOfMapsMap) obj.map("proto_policies");
            assertSame(obj.map("tcp_ports"), byProto.get(0));
            assertSame(obj.map("udp_ports"), byProto.get(1));
            HashOfMapsMap byTenant = (HashOfMapsMap) obj.map("tenant_policies");
            assertSame(obj.map("tenant_seven_ports"), byTenant.get(new byte[] {7, 0, 0, 0}));
            assertEquals(1, byTenant.keys().size());
        }
    }

    @Test
    void load_sharesPinnedMapsBetweenObjects() {
        String hosts = PinRegistry.DEFAULT_ROOT + "/shared_hosts";
        BpfMap shared;
        try (LoadedObject ingress = loader.load(Fixtures.spec("pinned_ingress"));
                LoadedObject egress = loader.load(Fixtures.spec("pinned_egress"))) {
            shared = ingress.map("shared_hosts");
            assertSame(shared, egress.map("shared_hosts"));
            assertSame(ingress.map("shared_blocklist"), egress.map("shared_blocklist"));
            assertTrue(pins.isPinned(hosts));
            shared.update(new byte[] {10, 0, 0, 1}, new byte[16]);
            assertEquals(1, egress.map("shared_hosts").keys().size());
        }
        assertFalse(shared.isClosed(), "the pin keeps the map");
        assertEquals(1, shared.keys().size());
        pins.unpin(hosts);
        assertTrue(shared.isClosed());
    }

    @Test
    void load_pinnedMapMismatchFails() {
        try (LoadedObject first = loader.load(Fixtures.spec("pinned_ingress"))) {
            ObjectSpec spec = Fixtures.spec("pinned_egress");
            MapSpec hosts = spec.map("shared_hosts").orElseThrow();
            ObjectSpec bigger = spec.withMap(new MapSpec(
                    hosts.name(),
                    hosts.type(),
                    hosts.keySize(),
                    hosts.valueSize(),
                    hosts.maxEntries() * 2,
                    hosts.flags(),
                    hosts.pinning(),
                    null,
                    hosts.contents()));
            MapException e = assertThrows(MapException.class, () -> loader.load(bigger));
            assertTrue(e.getMessage().contains("shared_hosts"), e.getMessage());
        }
    }

    @Test
    void load_failureReleasesWhatItCreated() {
        ObjectLoader noHelpers = ObjectLoader.builder()
                .pins(pins)
                .helpers(HelperRegistry.empty())
                .build();
        assertThrows(InvalidProgramException.class, () -> noHelpers.load(Fixtures.spec("pinned_ingress")));
        BpfMap pinned = pins.getMap(PinRegistry.DEFAULT_ROOT + "/shared_hosts");
        pinned.close();
        pins.unpin(PinRegistry.DEFAULT_ROOT + "/shared_hosts");
        assertTrue(pinned.isClosed(), "only the pin held the map after the failed load");
    }

    @Test
    void load_setsRodataGlobalAndFreezesIt() {
        ObjectLoader strict = ObjectLoader.builder()
                .pins(pins)
                .global("strict_tcp", new byte[] {1})
                .build();
        try (LoadedObject obj = strict.load(Fixtures.spec("conntrack"))) {
            assertArrayEquals(new byte[] {1}, obj.global("strict_tcp"));
            assertTrue(obj.map(".rodata").isFrozen());
            assertThrows(MapException.class, () -> obj.map(".rodata").update(new byte[4], new byte[1]));
        }
    }

    @Test
    void load_setsDataAndBssGlobals() {
        ObjectLoader configured = ObjectLoader.builder()
                .pins(pins)
                .global("mask32", new byte[] {1, 2, 3, 4})
                .global("total_len", new byte[] {9})
                .build();
        try (LoadedObject obj = configured.load(Fixtures.spec("atomics"))) {
            assertArrayEquals(new byte[] {1, 2, 3, 4}, obj.global("mask32"));
            assertArrayEquals(new byte[] {9, 0, 0, 0, 0, 0, 0, 0}, obj.global("total_len"));
            assertArrayEquals(new byte[8], obj.global("fetched_add"));
            assertFalse(obj.map(".data").isFrozen());
            assertFalse(obj.map(".bss").isFrozen());
        }
    }

    @Test
    void load_skipsUnsupportedProgramsAndNamesTheirReason() {
        try (LoadedObject obj = loader.load(Fixtures.spec("sections"))) {
            assertEquals(
                    List.of(
                            "sec_tc",
                            "sec_classifier",
                            "sec_tc_ingress",
                            "sec_tc_egress",
                            "sec_tcx_ingress",
                            "sec_tcx_egress",
                            "sec_action"),
                    List.copyOf(obj.programs().keySet()));
            UnsupportedFeatureException e =
                    assertThrows(UnsupportedFeatureException.class, () -> obj.program("sec_xdp"));
            assertEquals(
                    "program 'sec_xdp' was not loaded: xdp programs are not supported (ebpf-jvm runs tc and tcx"
                            + " programs)",
                    e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> obj.program("sec_nothing"));
        }
    }

    @Test
    void load_programBesideAnUnsupportedOneUsingKfuncsLoads() {
        try (LoadedObject obj = loader.load(Fixtures.spec("unsupported_kfunc"))) {
            assertEquals(List.of("tc_plain"), List.copyOf(obj.programs().keySet()));
            assertThrows(UnsupportedFeatureException.class, () -> obj.program("xdp_locked"));
        }
    }

    @Test
    void load_unsupportedProgramDoesNotBlockItsNeighbour() {
        try (LoadedObject obj = loader.load(Fixtures.spec("unsupported_mix"))) {
            assertEquals(List.of("tc_count"), List.copyOf(obj.programs().keySet()));
            assertTrue(obj.program("tc_count") != null);
            assertThrows(UnsupportedFeatureException.class, () -> obj.program("xdp_strip"));
        }
    }

    @Test
    void load_tcProgramsGetTheTcHelpersWithoutBeingAsked() {
        try (LoadedObject obj = loader.load(Fixtures.spec("nat44"))) {
            assertEquals(
                    TcHelpers.registry(),
                    obj.programs().values().iterator().next().program().helpers());
        }
    }

    @Test
    void load_aHelperMissingFromTheGivenSetIsRejected_namingProgramAndHelper() {
        ObjectLoader mapHelpersOnly = ObjectLoader.builder()
                .pins(pins)
                .cpus(2)
                .helpers(MapHelpers.register(HelperRegistry.builder()).build())
                .build();
        InvalidProgramException e =
                assertThrows(InvalidProgramException.class, () -> mapHelpersOnly.load(Fixtures.spec("redirect")));
        assertTrue(e.getMessage().startsWith("program '"), e.getMessage());
        assertTrue(e.getMessage().contains("program of this type cannot use helper bpf_"), e.getMessage());
        assertTrue(e.program() != null);
    }

    @Test
    void load_aHostMayReplaceAHelper() {
        ObjectLoader custom = ObjectLoader.builder()
                .pins(pins)
                .cpus(2)
                .helper(new HelperFunction(HelperId.GET_PRANDOM_U32.id(), "get_prandom_u32", (c, a, b, d, f, g) -> 4))
                .build();
        try (LoadedObject obj = custom.load(Fixtures.spec("nat44"))) {
            assertEquals(
                    4,
                    obj.programs()
                            .values()
                            .iterator()
                            .next()
                            .program()
                            .helpers()
                            .get(HelperId.GET_PRANDOM_U32.id())
                            .impl()
                            .call(null, 0, 0, 0, 0, 0));
        }
    }

    @Test
    void global_unknownVariable() {
        assertThrows(
                IllegalArgumentException.class, () -> Fixtures.spec("globals").withGlobal("nope", new byte[1]));
        assertThrows(
                IllegalArgumentException.class, () -> Fixtures.spec("globals").withGlobal("tag_payload", new byte[2]));
    }
}
