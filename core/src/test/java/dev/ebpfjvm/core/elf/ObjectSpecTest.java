package dev.ebpfjvm.core.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.PseudoSrc;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.MapType;
import dev.ebpfjvm.core.maps.Pinning;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What ObjectReader makes of particular fixtures: linking, map details, section kinds, globals. */
class ObjectSpecTest {

    @Test
    void link_appendsSubprogramsDepthFirstOncePerProgram() {
        ObjectSpec spec = Fixtures.spec("bpf2bpf");
        assertEquals(
                List.of("flow_hash@0+76", "hash_addrs@76+6", "mix32@82+9", "hash_ports@91+3", "mix_step@94+14"),
                layout(spec.program("flow_hash").orElseThrow()));
        assertEquals(
                List.of("port_hash@0+49", "hash_ports@49+3", "mix32@52+9"),
                layout(spec.program("port_hash").orElseThrow()));
    }

    private static List<String> layout(ProgramSpec p) {
        return p.functions().stream()
                .map(f -> f.name() + "@" + f.slot() + "+" + f.length())
                .collect(Collectors.toList());
    }

    @Test
    void link_callsAndCallbacksPointAtTheirFunctions() {
        for (ProgramSpec p : Fixtures.spec("bpf2bpf").programs()) {
            for (Relocation r : p.relocations()) {
                if (r.kind() != Relocation.Kind.CALL && r.kind() != Relocation.Kind.FUNC) {
                    continue;
                }
                Insn insn = p.insns().atSlot(r.slot());
                int target = r.slot() + 1 + insn.imm32();
                Subprogram callee = p.functions().stream()
                        .filter(f -> f.slot() == target)
                        .findFirst()
                        .orElseThrow();
                assertEquals(r.target(), callee.name());
                if (r.kind() == Relocation.Kind.FUNC) {
                    assertEquals(PseudoSrc.FUNC, insn.pseudoSrc());
                    assertEquals(0, insn.imm() >>> 32);
                } else {
                    assertTrue(insn.isLocalCall());
                }
            }
        }
    }

    @Test
    void link_copiesSubprogramBodies() {
        ObjectSpec spec = Fixtures.spec("bpf2bpf");
        ObjdumpListing text =
                ObjdumpListing.parse(Fixtures.expected("bpf2bpf", "objdump").orElseThrow());
        byte[] textBytes = text.sections.get(".text").bytes.toByteArray();
        ProgramSpec p = spec.program("flow_hash").orElseThrow();
        Subprogram mixStep = p.functions().get(4);
        byte[] linked =
                Arrays.copyOfRange(p.insns().encode(), mixStep.slot() * 8, (mixStep.slot() + mixStep.length()) * 8);
        assertArrayEquals(Arrays.copyOfRange(textBytes, 18 * 8, 32 * 8), linked);
    }

    @Test
    void maps_innerDefinitionsAndInitialSlots() {
        ObjectSpec spec = Fixtures.spec("map_in_map");
        MapSpec outer = spec.map("proto_policies").orElseThrow();
        assertEquals(MapSpec.of("proto_policies.inner", MapType.HASH, 2, 4, 16, 0), outer.innerMap());
        assertEquals(
                List.of(
                        new MapSpec.Init(new byte[] {0, 0, 0, 0}, null, "tcp_ports"),
                        new MapSpec.Init(new byte[] {1, 0, 0, 0}, null, "udp_ports")),
                outer.contents());
        MapSpec hash = spec.map("tenant_policies").orElseThrow();
        assertEquals(MapType.HASH_OF_MAPS, hash.type());
        assertEquals(List.of(new MapSpec.Init(new byte[] {7, 0, 0, 0}, null, "tenant_seven_ports")), hash.contents());
    }

    @Test
    void maps_legacyPinnedAndFlags() {
        ObjectSpec legacy = Fixtures.spec("legacy_maps");
        assertEquals(
                MapSpec.of("legacy_seen", MapType.HASH, 4, 4, 16, MapSpec.F_NO_PREALLOC),
                legacy.map("legacy_seen").orElseThrow());
        assertEquals(
                MapSpec.of("legacy_counts", MapType.ARRAY, 4, 8, 4, 0),
                legacy.map("legacy_counts").orElseThrow());
        MapSpec hosts = Fixtures.spec("pinned_egress").map("shared_hosts").orElseThrow();
        assertEquals(Pinning.BY_NAME, hosts.pinning());
        assertEquals(hosts, Fixtures.spec("pinned_ingress").map("shared_hosts").orElseThrow());
        assertEquals(
                MapSpec.F_NO_PREALLOC,
                Fixtures.spec("ipv4_filter").map("blocked_ports").orElseThrow().flags());
        assertEquals(
                MapSpec.of("events", MapType.RINGBUF, 0, 0, 4096, 0),
                Fixtures.spec("ringbuf_events").map("events").orElseThrow());
    }

    @Test
    void maps_globalDataSections() {
        ObjectSpec spec = Fixtures.spec("globals");
        MapSpec rodata = spec.map(".rodata").orElseThrow();
        assertEquals(MapSpec.F_RDONLY_PROG, rodata.flags());
        assertArrayEquals(
                new byte[] {53, 0, 0, 0, 2, 0, 0, 0, 0},
                rodata.contents().get(0).value());
        assertTrue(spec.map(".bss").orElseThrow().contents().isEmpty());
        assertEquals(0, spec.map(".data.stats").orElseThrow().flags());
        assertArrayEquals(
                "ebpfjvm\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                spec.map(".rodata.str1.1").orElseThrow().contents().get(0).value());
        assertTrue(spec.isReadOnlyData(".rodata.str1.1"));
        assertEquals("Dual MIT/GPL", spec.license());
    }

    @Test
    void withGlobal_writesTheVariableIntoItsSection() {
        ObjectSpec spec = Fixtures.spec("globals");
        ObjectSpec changed = spec.withGlobal("verdict_on_match", new byte[] {7, 0, 0, 0})
                .withGlobal("packets_matched", new byte[] {1, 2});
        assertArrayEquals(
                new byte[] {53, 0, 0, 0, 7, 0, 0, 0, 0},
                changed.map(".rodata").orElseThrow().contents().get(0).value());
        byte[] bss = changed.map(".bss").orElseThrow().contents().get(0).value();
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0}, bss);
        assertNotEquals(spec, changed);
        assertEquals(spec, Fixtures.spec("globals"), "the original is unchanged");
    }

    @ParameterizedTest
    @CsvSource({
        "sec_tc, SCHED_CLS, UNSPECIFIED, true",
        "sec_classifier, SCHED_CLS, UNSPECIFIED, true",
        "sec_tc_ingress, SCHED_CLS, TCX_INGRESS, true",
        "sec_tc_egress, SCHED_CLS, TCX_EGRESS, true",
        "sec_tcx_ingress, SCHED_CLS, TCX_INGRESS, true",
        "sec_tcx_egress, SCHED_CLS, TCX_EGRESS, true",
        "sec_action, SCHED_ACT, UNSPECIFIED, true",
        "sec_xdp, XDP, XDP, false",
        "sec_socket, SOCKET_FILTER, UNSPECIFIED, false",
        "sec_kprobe, KPROBE, UNSPECIFIED, false",
        "sec_tracepoint, TRACEPOINT, UNSPECIFIED, false",
        "sec_cgroup_skb, CGROUP_SKB, CGROUP_INET_INGRESS, false",
    })
    void sections_giveTypeAndAttachType(String program, ProgramType type, AttachType attach, boolean supported) {
        ProgramSpec p = Fixtures.spec("sections").program(program).orElseThrow();
        assertEquals(type, p.type());
        assertEquals(attach, p.attachType());
        assertEquals(supported, p.supported());
        assertEquals(supported, p.unsupportedReason().isEmpty());
    }

    @Test
    void externInAnUnsupportedProgramDoesNotFailTheRead() {
        ObjectSpec spec = Fixtures.spec("unsupported_kfunc");
        assertEquals(
                "xdp programs are not supported (ebpf-jvm runs tc and tcx programs)",
                spec.program("xdp_locked").orElseThrow().unsupportedReason().orElseThrow());
        assertTrue(spec.program("tc_plain").orElseThrow().supported());
        UnsupportedFeatureException e =
                assertThrows(UnsupportedFeatureException.class, () -> Fixtures.spec("invalid_kfunc"));
        assertTrue(e.getMessage().contains("'bpf_rcu_read_lock' is an extern"), e.getMessage());
    }

    @Test
    void unsupportedReason_namesTheProgramType() {
        ObjectSpec spec = Fixtures.spec("sections");
        assertEquals(
                "cgroup_skb programs are not supported (ebpf-jvm runs tc and tcx programs)",
                spec.program("sec_cgroup_skb").orElseThrow().unsupportedReason().orElseThrow());
        assertEquals(
                "libbpf knows no program type for this section name",
                ProgramSection.of("tc/foo").unsupportedReason());
        assertEquals("", ProgramSection.of("tcx/egress").unsupportedReason());
    }

    @ParameterizedTest
    @CsvSource({
        "tc, SCHED_CLS", "tcx/ingress, SCHED_CLS", "tc/foo, UNSPEC", "tcx, UNSPEC", "kprobe, KPROBE",
        "kprobe/x, KPROBE", "kprobex, UNSPEC", "xdp.frags, XDP", "xdp/devmap, XDP", "cgroup/skb, CGROUP_SKB",
        "iter.s/task, TRACING", "classifier/x, UNSPEC", "sk_skb/verdict, SK_SKB", "sk_skb/other, UNSPEC",
    })
    void programSection_matchesLikeLibbpf(String section, ProgramType type) {
        assertEquals(type, ProgramSection.of(section).type());
    }

    @Test
    void sections_versionSection() {
        assertEquals(0x060100, Fixtures.spec("sections").kernelVersion());
        assertEquals(0, Fixtures.spec("tail_calls").kernelVersion());
    }
}
