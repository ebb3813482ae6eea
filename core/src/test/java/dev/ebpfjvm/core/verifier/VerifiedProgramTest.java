package dev.ebpfjvm.core.verifier;

import static dev.ebpfjvm.core.verifier.VerifierTestSupport.HASH;
import static dev.ebpfjvm.core.verifier.VerifierTestSupport.accepts;
import static dev.ebpfjvm.core.verifier.VerifierTestSupport.mapAt;
import static dev.ebpfjvm.core.verifier.VerifierTestSupport.rejects;
import static dev.ebpfjvm.core.verifier.VerifierTestSupport.tc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.elf.ObjectReader;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.facts.AccessFact;
import dev.ebpfjvm.core.facts.AccessRegion;
import dev.ebpfjvm.core.facts.MemoryFacts;
import dev.ebpfjvm.core.facts.RegionHint;
import dev.ebpfjvm.core.testing.TestPaths;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facts, statistics and logs an accepted or rejected program carries, and the object adapter. */
class VerifiedProgramTest {
    private static final String PROGRAM = String.join(
            "\n",
            "ldxw %r6, [%r1+8]", // 0: ctx
            "stxw [%r10-4], %r6", // 1: stack
            "mov %r2, %r10",
            "add %r2, -4",
            "lddw %r1, 0", // 4
            "call 1", // 6
            "jeq %r0, 0, out",
            "ldxdw %r0, [%r0+0]", // 8: map value
            "exit",
            "out:",
            "mov %r0, 0",
            "exit");

    @Test
    void facts_regionsHelpersAndJitHints() {
        VerifiedProgram vp = accepts(tc(PROGRAM, mapAt(4, HASH)));
        assertEquals(AccessRegion.CONTEXT, vp.accessAt(0).region());
        AccessFact stack = vp.accessAt(1);
        assertEquals(AccessRegion.STACK, stack.region());
        assertEquals(-4, stack.minOffset());
        AccessFact value = vp.accessAt(8);
        assertEquals(AccessRegion.MAP_VALUE, value.region());
        assertEquals("hash", value.map());
        assertEquals(8, value.size());
        assertEquals(1, vp.helperCalls().get(6));
        MemoryFacts mf = vp.memoryFacts();
        assertEquals(RegionHint.CONTEXT, mf.regionAt(0));
        assertEquals(RegionHint.STACK, mf.regionAt(1));
        assertNull(mf.regionAt(8));
        assertFalse(vp.isDead(10));
    }

    @Test
    void stats_kernelLine() {
        VerifiedProgram vp = accepts(tc(PROGRAM, mapAt(4, HASH)));
        String last = vp.log().get(vp.log().size() - 1);
        assertTrue(
                last.matches("processed \\d+ insns \\(limit 1000000\\) max_states_per_insn \\d+ total_states \\d+ "
                        + "peak_states \\d+ mark_read 0"),
                last);
        assertEquals(vp.stats().line(), last);
    }

    @Test
    void log_level2ShowsStatesLevel1ThePath() {
        VerifierInput in = tc(PROGRAM.replace("ldxdw %r0, [%r0+0]", "ldxdw %r0, [%r0+8]"), mapAt(4, HASH));
        VerifierException l2 = rejects(in.withOptions(VerifierOptions.logLevel(2)), "invalid access to map value");
        assertTrue(
                l2.log().contains("0: (61) r6 = *(u32 *)(r1 +8)")
                        || l2.log().stream().anyMatch(l -> l.startsWith("0: (61)")),
                String.join("\n", l2.log()));
        assertTrue(l2.log().stream().anyMatch(l -> l.startsWith("0: R1=ctx()")), String.join("\n", l2.log()));
        VerifierException l1 = rejects(in.withOptions(VerifierOptions.logLevel(1)), "invalid access to map value");
        assertFalse(l1.log().stream().anyMatch(l -> l.contains("R1=ctx()") && l.startsWith("0:")));
        // the safe NULL path was explored first and cut from the level-1 log
        assertFalse(l1.log().stream().anyMatch(l -> l.startsWith("10: ")), String.join("\n", l1.log()));
        VerifierException l0 = rejects(in, "invalid access to map value");
        assertEquals(2, l0.log().size());
        assertEquals(8, l0.index());
        assertEquals("test", l0.program());
    }

    @Test
    void adapter_globalsObjectRefersToItsDataMaps() throws IOException {
        ObjectSpec spec = ObjectReader.read(TestPaths.testdata().resolve("globals.o"));
        VerifierInput in = VerifierInputs.of(spec, "global_config", VerifierOptions.DEFAULT);
        List<LdImmRef> refs = in.ldImms();
        assertFalse(refs.isEmpty());
        assertTrue(refs.stream()
                .anyMatch(r ->
                        r.kind() == LdImmRef.Kind.MAP_VALUE && r.map().name().startsWith(".")));
        assertTrue(refs.stream()
                .filter(r -> r.map().name().equals(".rodata"))
                .allMatch(r -> r.map().frozen() != null && r.map().isReadOnlyForProgram()));
        VerifiedProgram vp = Verifier.verify(in);
        boolean global = false;
        for (int s = 0; s < vp.insns().slotCount(); s++) {
            AccessFact f = vp.accessAt(s);
            global |= f != null && f.region() == AccessRegion.GLOBAL_DATA;
        }
        assertTrue(global);
    }

    @Test
    void adapter_unknownProgram() {
        assertThrowsEbpf(() -> VerifierInputs.of(
                new ObjectSpec(List.of(), List.of(), List.of(), "", 0, null), "nope", VerifierOptions.DEFAULT));
    }

    private static void assertThrowsEbpf(Runnable r) {
        try {
            r.run();
        } catch (dev.ebpfjvm.core.EbpfException e) {
            assertTrue(e.getMessage().contains("no program 'nope'"));
            return;
        }
        throw new AssertionError("no exception");
    }
}
