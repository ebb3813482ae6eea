package dev.ebpfjvm.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.asm.Asm;
import dev.ebpfjvm.core.asm.InsnList;
import dev.ebpfjvm.core.elf.ObjectReader;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.elf.ProgramSpec;
import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.Reg;
import dev.ebpfjvm.core.isa.Size;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.maps.MapException;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.MapType;
import dev.ebpfjvm.core.memory.RegionTable;
import dev.ebpfjvm.core.net.Hook;
import dev.ebpfjvm.core.net.Link;
import dev.ebpfjvm.core.net.NetDevice;
import dev.ebpfjvm.core.net.Network;
import dev.ebpfjvm.core.net.TcxOptions;
import dev.ebpfjvm.core.net.TcxQuery;
import dev.ebpfjvm.core.testing.TestPaths;
import dev.ebpfjvm.core.verifier.VerifierException;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The runtime as a user meets it: load, handles by name, test runs, typed maps, ids and the memory budget. */
class BpfRuntimeTest {
    private static final byte[] FRAME = HexFormat.of()
            .parseHex("000000000000020000000001080045000020123440004011269c0a0000010a00000203e80035000c1d2a01020304");

    private static ObjectSpec spec(String name) throws IOException {
        return ObjectReader.read(TestPaths.testdata().resolve(name + ".o"));
    }

    /** forge.o's hostile programs, which only an explicit opt-out of the verifier loads. */
    private static BpfObject loadForge(BpfRuntime runtime) throws IOException {
        return runtime.load(spec("forge"), LoadOptions.defaults().unverified());
    }

    @Test
    void loadRunAndReadAMap() throws IOException {
        try (BpfRuntime runtime = BpfRuntime.create();
                BpfObject obj = loadForge(runtime)) {
            BpfProgram count = obj.program("count_own");
            assertEquals(0, count.testRun(TestRun.of(FRAME)).retval(), "TC_ACT_OK");
            assertEquals(0, count.testRun(TestRun.of(FRAME)).retval());
            TypedMap<Integer, Long> own = obj.map("own", Codec.U32, Codec.U64);
            assertEquals(Optional.of(2L), own.lookup(0));
            own.put(0, 40L);
            count.testRun(TestRun.of(FRAME));
            assertEquals(Map.of(0, 41L), own.entries());
        }
    }

    @Test
    void idsAreTheRuntimesOwn() throws IOException {
        try (BpfRuntime a = BpfRuntime.create();
                BpfRuntime b = BpfRuntime.create();
                BpfObject first = loadForge(a);
                BpfObject second = loadForge(a);
                BpfObject other = loadForge(b)) {
            List<Integer> ids =
                    first.programs().values().stream().map(BpfProgram::id).toList();
            assertEquals(List.of(1, 2, 3, 4), ids);
            assertEquals(5, second.program("forge_write").id());
            assertEquals(1, other.program("forge_write").id(), "another runtime counts from 1");
            assertEquals(first.map("own").id(), other.map("own").id());
            assertTrue(first.map("own").id() != second.map("own").id());
        }
    }

    @Test
    void memoryIsChargedWhileLoadedAndReturnedOnClose() throws IOException {
        try (BpfRuntime runtime = BpfRuntime.create()) {
            assertEquals(0, runtime.memoryCharged());
            BpfObject obj = runtime.load(spec("conntrack"));
            assertTrue(runtime.memoryCharged() > 0);
            obj.close();
            assertEquals(0, runtime.memoryCharged());
        }
    }

    @Test
    void anObjectOverTheLimit_failsWithEnomem_andLeavesNothingCharged() throws IOException {
        long needed;
        try (BpfRuntime probe = BpfRuntime.create();
                BpfObject obj = probe.load(spec("conntrack"))) {
            needed = probe.memoryCharged();
        }
        try (BpfRuntime tight = BpfRuntime.builder().memoryLimit(needed - 1).build()) {
            MapException e = assertThrows(MapException.class, () -> tight.load(spec("conntrack")));
            assertEquals(Errno.ENOMEM, e.errno());
            assertTrue(e.getMessage().contains("limit"), e.getMessage());
            assertEquals(0, tight.memoryCharged());
        }
        try (BpfRuntime exact = BpfRuntime.builder().memoryLimit(needed).build();
                BpfObject obj = exact.load(spec("conntrack"))) {
            assertEquals(needed, exact.memoryCharged());
        }
    }

    @Test
    void aHugeMap_isRefusedBeforeAnythingIsAllocated() {
        RegionTable regions = new RegionTable();
        for (MapSpec huge : List.of(
                MapSpec.of("huge_hash", MapType.HASH, 8, 4096, 1 << 27, 0), // more is E2BIG (HugeMapSpecTest)
                MapSpec.of("huge_array", MapType.ARRAY, 4, 1 << 20, 1 << 20, 0),
                MapSpec.of("huge_percpu", MapType.PERCPU_ARRAY, 4, 1 << 15, 1 << 24, 0))) {
            MapException e = assertThrows(MapException.class, () -> BpfMap.create(huge, 64, regions), huge.name());
            assertEquals(Errno.ENOMEM, e.errno(), e.getMessage());
        }
        assertEquals(0, regions.charged());
    }

    @Test
    void theKernelsPerTypeLimitsComeFirst() {
        MapException e = assertThrows(
                MapException.class,
                () -> BpfMap.create(
                        MapSpec.of("big_value", MapType.PERCPU_ARRAY, 4, 64 << 10, 1, 0), 2, new RegionTable()));
        assertEquals(Errno.E2BIG, e.errno());
    }

    @Test
    void testRunRefusesWhatTheKernelRefuses() throws IOException {
        try (BpfRuntime runtime = BpfRuntime.create();
                BpfObject obj = loadForge(runtime)) {
            TestRunException shortFrame = assertThrows(
                    TestRunException.class, () -> obj.program("count_own").testRun(TestRun.of(new byte[13])));
            assertEquals(Errno.EINVAL, shortFrame.errno());
            TestRunException device = assertThrows(
                    TestRunException.class,
                    () -> obj.program("count_own")
                            .testRun(TestRun.of(FRAME)
                                    .withCtx(new SkBuffFields(0, 0, 0, 7, 0, new int[5], 0, 0, 0, 0))));
            assertEquals(Errno.ENODEV, device.errno());
            byte[] ctxIn = new byte[192];
            ctxIn[0] = 1; // len: not a field a test run takes in
            assertEquals(
                    Errno.EINVAL,
                    assertThrows(TestRunException.class, () -> SkBuffFields.fromStruct(ctxIn))
                            .errno());
        }
    }

    @Test
    void namesThatDoNotExistAreErrorsNamingWhatExists() throws IOException {
        try (BpfRuntime runtime = BpfRuntime.create();
                BpfObject obj = loadForge(runtime)) {
            IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> obj.program("nope"));
            assertTrue(p.getMessage().contains("count_own"), p.getMessage());
            IllegalArgumentException m = assertThrows(IllegalArgumentException.class, () -> obj.map("nope"));
            assertTrue(m.getMessage().contains("own"), m.getMessage());
            assertThrows(IllegalArgumentException.class, () -> obj.map("own", Codec.U64, Codec.U64));
        }
    }

    @Test
    void programsAttachToTheRuntimesDevices_underTheirOwnIds() throws IOException {
        byte[] arp = HexFormat.of().parseHex("ffffffffffff0200000000010806" + "00".repeat(28));
        try (BpfRuntime runtime = BpfRuntime.create();
                BpfObject obj = runtime.load(spec("eth_proto_count"))) {
            Network net = runtime.network();
            List<NetDevice> veth = net.addVeth("veth0", "veth1");
            BpfProgram count = obj.program("count_ethertype");
            Link link = net.attachTcx(TcxOptions.of(veth.get(1), Hook.INGRESS, count.netProgram()));
            TcxQuery query = net.query(veth.get(1), Hook.INGRESS);
            assertEquals(List.of(new TcxQuery.Attached(count.id(), link.id())), query.entries());
            assertEquals(null, veth.get(0).send(arp));
            assertEquals(1, veth.get(1).received().size(), "TC_ACT_UNSPEC is TCX_NEXT: the frame goes on to the host");
            assertEquals(
                    Optional.of(1L),
                    obj.map("proto_counts", Codec.U32, Codec.U64).lookup(2));
        }
    }

    @Test
    void aBuiltProgramRunsOnAMemoryBuffer() {
        // r0 = *(u32 *)(r1 + 0) + r2: the first word of the buffer plus its length
        ProgramSpec sum = InsnList.of(Asm.ldx(Size.W, Reg.R0, Reg.R1, 0), AluOp.ADD.reg(Reg.R0, Reg.R2), Asm.exit())
                .spec("sum", "tc", "GPL");
        try (BpfRuntime runtime = BpfRuntime.create();
                BpfObject obj = runtime.load(
                        ObjectSpec.of(List.of(sum), List.of()),
                        LoadOptions.defaults().unverified())) {
            // unverified: a tc program's r2 is no argument for the kernel, but it is for the conformance convention
            assertEquals(40 + 8, obj.program("sum").run(new byte[] {40, 0, 0, 0, 0, 0, 0, 0}));
        }
    }

    @Test
    void theVerifierRunsByDefault_andARejectionLeavesNothingLoaded() throws IOException {
        try (BpfRuntime runtime = BpfRuntime.create()) {
            VerifierException e = assertThrows(VerifierException.class, () -> runtime.load(spec("forge")));
            assertEquals("forge_write", e.program());
            assertEquals(5, e.index());
            assertEquals("R1 invalid mem access 'scalar'", e.reason(), "the kernel's words");
            assertTrue(e.log().get(e.log().size() - 1).startsWith("processed 4 insns (limit 1000000)"));
            assertEquals(0, runtime.memoryCharged());
        }
    }

    @Test
    void aProgramAttachedWithoutALink_keepsRunningAfterItsObjectIsClosed_untilDetached() throws IOException {
        byte[] arp = HexFormat.of().parseHex("ffffffffffff0200000000010806" + "00".repeat(28));
        try (BpfRuntime runtime = BpfRuntime.create()) {
            Network net = runtime.network();
            List<NetDevice> veth = net.addVeth("veth0", "veth1");
            BpfObject obj = runtime.load(spec("eth_proto_count"));
            BpfProgram count = obj.program("count_ethertype");
            TcxOptions attach = TcxOptions.of(veth.get(1), Hook.INGRESS, count.netProgram());
            net.attachProgram(attach);
            BpfMap counts = obj.map("proto_counts").retain(); // a user-space reference, as a map fd
            obj.close();
            assertTrue(runtime.memoryCharged() > 0, "the attached program holds its object");
            assertEquals(null, veth.get(0).send(arp));
            assertEquals(1, veth.get(1).received().size());
            assertEquals(0, veth.get(1).counters(Hook.INGRESS).faults(), "it ran with its maps");
            assertEquals(OptionalLong.of(1), counts.lookupLong(BpfMap.u32(2)));
            net.detachProgram(attach);
            counts.close();
            assertEquals(0, runtime.memoryCharged(), "detached, the closed object is released");
        }
    }

    @Test
    void closingTheRuntimeClosesItsObjects() throws IOException {
        BpfRuntime runtime = BpfRuntime.create();
        loadForge(runtime);
        runtime.load(spec("conntrack"));
        runtime.close();
        assertEquals(0, runtime.memoryCharged());
    }
}
