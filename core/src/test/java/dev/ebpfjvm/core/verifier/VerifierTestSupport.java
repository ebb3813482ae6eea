package dev.ebpfjvm.core.verifier;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.elf.ProgramType;
import dev.ebpfjvm.core.isa.Assembler;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.MapType;
import java.util.ArrayList;
import java.util.List;

/** Builds verifier inputs from assembler text for the unit tests. */
final class VerifierTestSupport {
    static final MapRef HASH = MapRef.of(MapSpec.of("hash", MapType.HASH, 4, 8, 16, 0));
    static final MapRef RINGBUF = MapRef.of(MapSpec.of("events", MapType.RINGBUF, 0, 0, 4096, 0));
    static final MapRef ARRAY = MapRef.of(MapSpec.of("array", MapType.ARRAY, 4, 8, 4, 0));
    static final MapRef RODATA = new MapRef(
            ".rodata", MapType.ARRAY, 4, 8, 1, MapSpec.F_RDONLY_PROG, null, new byte[] {7, 0, 0, 0, 0, 0, 0, 0}, -1);
    static final MapRef LOCKED = new MapRef("locked", MapType.ARRAY, 4, 16, 1, 0, null, null, 0);

    private VerifierTestSupport() {}

    /** {@return a tc program; each {@code lddw} at slot s refers to refs[i] in order of appearance} */
    static VerifierInput tc(String asm, LdImmRef... refs) {
        Instructions insns = Assembler.assemble(asm);
        return VerifierInput.of("test", ProgramType.SCHED_CLS, insns).withLdImms(List.of(refs));
    }

    static LdImmRef mapAt(int slot, MapRef map) {
        return new LdImmRef(slot, LdImmRef.Kind.MAP_PTR, map, 0);
    }

    static LdImmRef valueAt(int slot, MapRef map, int off) {
        return new LdImmRef(slot, LdImmRef.Kind.MAP_VALUE, map, off);
    }

    static VerifiedProgram accepts(VerifierInput in) {
        try {
            return Verifier.verify(in);
        } catch (VerifierException e) {
            throw new AssertionError("rejected: " + e.getMessage() + "\n" + e.logText(), e);
        }
    }

    static VerifierException rejects(VerifierInput in, String fragment) {
        VerifierException e = assertThrows(VerifierException.class, () -> Verifier.verify(in));
        assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "', got: " + e.getMessage());
        return e;
    }

    static List<String> lines(String... l) {
        return new ArrayList<>(List.of(l));
    }
}
