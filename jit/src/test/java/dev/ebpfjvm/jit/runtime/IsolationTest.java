package dev.ebpfjvm.jit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.elf.ObjectReader;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.runtime.BpfObject;
import dev.ebpfjvm.core.runtime.BpfRuntime;
import dev.ebpfjvm.core.runtime.LoadOptions;
import dev.ebpfjvm.core.runtime.TestRun;
import dev.ebpfjvm.core.testing.TestPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A program's addresses reach only what its object references, on both engines: testdata/forge.o
 * reads and writes the address set in its {@code target} before load. Aimed at its own map it
 * works; aimed at another object's map, a map of another runtime or a map that is gone, the access
 * faults at the instruction and the victim is untouched. The verifier would refuse these programs
 * (as the kernel's does); they are loaded unverified, which is how a host meets such code when it
 * opts out, and what isolation must hold against.
 */
class IsolationTest {
    /** An IPv4/UDP frame; forge.o does not look at it. */
    private static final byte[] FRAME = HexFormat.of()
            .parseHex("000000000000020000000001080045000020123440004011269c0a0000010a00000203e80035000c1d2a01020304");
    /** The slots, in their programs, of forge_write's store, forge_read's load and forge_lookup's call (llvm-objdump of forge.o). */
    private static final int WRITE_SLOT = 5;

    private static final int READ_SLOT = 3;
    private static final int LOOKUP_SLOT = 7;

    static List<String> engines() {
        return Engines.all().stream().map(Engine::name).toList();
    }

    private static ObjectSpec forge() {
        try {
            return ObjectReader.read(TestPaths.testdata().resolve("forge.o"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BpfObject load(BpfRuntime runtime, String engine, long target) {
        return runtime.load(
                forge(),
                LoadOptions.defaults()
                        .engine(Engines.byName(engine))
                        .unverified()
                        .global("target", BpfMap.u64(target)));
    }

    private static long ownValue(BpfObject obj) {
        return obj.map("own").lookupLong(BpfMap.u32(0)).orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void ownMap_isWithinReach(String engine) {
        try (BpfRuntime runtime = BpfRuntime.create()) {
            long address;
            try (BpfObject probe = load(runtime, engine, 0)) {
                address = probe.map("own").valueAddress(0);
            }
            // Region ids are reused: the same object loaded again has its map where the probe's was.
            try (BpfObject self = load(runtime, engine, address)) {
                assertEquals(address, self.map("own").valueAddress(0));
                self.program("forge_write").testRun(TestRun.of(FRAME));
                assertEquals(0xdeadbeefL, ownValue(self));
                assertEquals(
                        0xdeadbeefL,
                        self.program("forge_read").testRun(TestRun.of(FRAME)).retval());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void anotherObjectsMap_inTheSameRuntime_faults(String engine) {
        try (BpfRuntime runtime = BpfRuntime.create();
                BpfObject victim = load(runtime, engine, 0)) {
            victim.program("count_own").testRun(TestRun.of(FRAME));
            long address = victim.map("own").valueAddress(0);
            try (BpfObject attacker = load(runtime, engine, address)) {
                ProgramFaultException write = assertThrows(
                        ProgramFaultException.class,
                        () -> attacker.program("forge_write").testRun(TestRun.of(FRAME)));
                assertEquals(WRITE_SLOT, write.pc(), write.getMessage());
                ProgramFaultException read = assertThrows(
                        ProgramFaultException.class,
                        () -> attacker.program("forge_read").testRun(TestRun.of(FRAME)));
                assertEquals(READ_SLOT, read.pc(), read.getMessage());
                attacker.program("count_own").testRun(TestRun.of(FRAME));
                assertEquals(1, ownValue(attacker), "the attacker's own map works");
            }
            assertEquals(1, ownValue(victim), "the victim's value is untouched");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aMapOfAnotherRuntime_faults(String engine) {
        try (BpfRuntime first = BpfRuntime.create();
                BpfRuntime second = BpfRuntime.create();
                BpfObject victim = load(first, engine, 0)) {
            long address = victim.map("own").valueAddress(0);
            // Shift the second runtime's region ids, so that the forged id is no region of the attacker's own.
            try (BpfObject filler = load(second, engine, 0);
                    BpfObject attacker = load(second, engine, address)) {
                ProgramFaultException e = assertThrows(
                        ProgramFaultException.class,
                        () -> attacker.program("forge_write").testRun(TestRun.of(FRAME)));
                assertEquals(WRITE_SLOT, e.pc(), e.getMessage());
                assertEquals(0, ownValue(filler));
                assertEquals(0, ownValue(attacker));
            }
            assertEquals(0, ownValue(victim), "the other runtime's map is untouched");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aStaleAddress_faults(String engine) {
        try (BpfRuntime runtime = BpfRuntime.create()) {
            BpfObject gone = load(runtime, engine, 0);
            long address = gone.map("own").valueAddress(0);
            try (BpfObject attacker = load(runtime, engine, address)) {
                gone.close();
                ProgramFaultException e = assertThrows(
                        ProgramFaultException.class,
                        () -> attacker.program("forge_read").testRun(TestRun.of(FRAME)));
                assertEquals(READ_SLOT, e.pc(), e.getMessage());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aForgedMapPointer_isNoMapForTheHelpers(String engine) {
        try (BpfRuntime runtime = BpfRuntime.create();
                BpfObject victim = load(runtime, engine, 0)) {
            try (BpfObject attacker = load(runtime, engine, victim.map("own").address())) {
                ProgramFaultException e = assertThrows(
                        ProgramFaultException.class,
                        () -> attacker.program("forge_lookup").testRun(TestRun.of(FRAME)));
                assertEquals(LOOKUP_SLOT, e.pc(), e.getMessage());
            }
            assertEquals(0, ownValue(victim));
        }
    }
}
