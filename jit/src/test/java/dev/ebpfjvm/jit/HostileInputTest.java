package dev.ebpfjvm.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regression tests of issue 13's hostile inputs, on both engines: testdata/hostile.o holds programs
 * the verifier would reject (an endless loop, a spin lock taken twice, a lock held across an endless
 * loop). Each ends as a typed fault naming its instruction, and leaves the host able to go on.
 */
class HostileInputTest {
    /** A minimal Ethernet frame (the programs do not parse it). */
    private static final byte[] FRAME = new byte[14];
    /** Slots, in their programs, of endless's loop head, lock_twice's second lock and lock_and_spin's loop head (llvm-objdump). */
    private static final int ENDLESS_HEAD = 0;

    private static final int SECOND_LOCK = 13;
    private static final int LOCKED_LOOP_HEAD = 13;
    /** Slots of load_huge's bpf_skb_load_bytes and perf_huge's bpf_perf_event_output calls. */
    private static final int LOAD_CALL = 6;

    private static final int PERF_CALL = 11;

    static List<String> engines() {
        return Engines.all().stream().map(Engine::name).toList();
    }

    static ObjectSpec hostile() {
        try {
            return ObjectReader.read(TestPaths.testdata().resolve("hostile.o"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BpfObject load(BpfRuntime runtime, String engine) {
        return runtime.load(
                hostile(), LoadOptions.defaults().engine(Engines.byName(engine)).unverified());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void skbLoadBytes_ofHugeLengths_faultsAtTheCall_withoutAllocating(String engine) {
        for (long len : new long[] {Integer.MAX_VALUE, 0x8000_0000L, 0xffff_ffffL}) {
            try (BpfRuntime runtime = BpfRuntime.create();
                    BpfObject obj = runtime.load(
                            hostile(),
                            LoadOptions.defaults()
                                    .engine(Engines.byName(engine))
                                    .unverified()
                                    .global("load_len", BpfMap.u32((int) len)))) {
                ProgramFaultException e = assertThrows(
                        ProgramFaultException.class,
                        () -> obj.program("load_huge").testRun(TestRun.of(FRAME)));
                assertEquals(LOAD_CALL, e.pc(), e.getMessage());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void perfEventOutput_ofHugeSizes_faultsAtTheCall_withoutAllocating(String engine) {
        for (long size : new long[] {Integer.MAX_VALUE, 0xffff_ffffL, -1L}) {
            try (BpfRuntime runtime = BpfRuntime.create();
                    BpfObject obj = runtime.load(
                            hostile(),
                            LoadOptions.defaults()
                                    .engine(Engines.byName(engine))
                                    .unverified()
                                    .global("perf_size", BpfMap.u64(size)))) {
                ProgramFaultException e = assertThrows(
                        ProgramFaultException.class,
                        () -> obj.program("perf_huge").testRun(TestRun.of(FRAME)));
                assertEquals(PERF_CALL, e.pc(), e.getMessage());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void endlessLoop_withABudget_faultsAtItsHead(String engine) {
        try (BpfRuntime runtime = BpfRuntime.builder().budget(50_000).build();
                BpfObject obj = load(runtime, engine)) {
            ProgramFaultException e = assertThrows(
                    ProgramFaultException.class, () -> obj.program("endless").testRun(TestRun.of(FRAME)));
            assertEquals(ENDLESS_HEAD, e.pc(), e.getMessage());
            assertTrue(e.getMessage().contains("budget of 50000"), e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void spinLockTakenTwice_faultsAsADeadlock(String engine) {
        try (BpfRuntime runtime = BpfRuntime.create();
                BpfObject obj = load(runtime, engine)) {
            ProgramFaultException e = assertThrows(
                    ProgramFaultException.class, () -> obj.program("lock_twice").testRun(TestRun.of(FRAME)));
            assertEquals(SECOND_LOCK, e.pc(), e.getMessage());
            assertTrue(e.getMessage().contains("deadlock"), e.getMessage());
            assertEquals(
                    1,
                    obj.program("lock_count").testRun(TestRun.of(FRAME)).retval(),
                    "the lock the faulting run held was released");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void spinLockHeldByARunOutOfBudget_isReleased(String engine) {
        try (BpfRuntime runtime = BpfRuntime.builder().budget(10_000).build();
                BpfObject obj = load(runtime, engine)) {
            ProgramFaultException e = assertThrows(
                    ProgramFaultException.class,
                    () -> obj.program("lock_and_spin").testRun(TestRun.of(FRAME)));
            assertEquals(LOCKED_LOOP_HEAD, e.pc(), e.getMessage());
            assertEquals(1, obj.program("lock_count").testRun(TestRun.of(FRAME)).retval());
            assertEquals(2, obj.program("lock_count").testRun(TestRun.of(FRAME)).retval());
        }
    }
}
