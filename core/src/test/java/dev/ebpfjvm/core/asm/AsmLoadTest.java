package dev.ebpfjvm.core.asm;

import static dev.ebpfjvm.core.isa.AluOp.ADD;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static dev.ebpfjvm.core.isa.JumpOp.JEQ;
import static dev.ebpfjvm.core.isa.Reg.R0;
import static dev.ebpfjvm.core.isa.Reg.R1;
import static dev.ebpfjvm.core.isa.Reg.R10;
import static dev.ebpfjvm.core.isa.Reg.R2;
import static dev.ebpfjvm.core.isa.Reg.R3;
import static dev.ebpfjvm.core.isa.Reg.R6;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.elf.Fixtures;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.elf.ProgramSpec;
import dev.ebpfjvm.core.elf.Relocation;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.helpers.HelperId;
import dev.ebpfjvm.core.isa.AtomicOp;
import dev.ebpfjvm.core.isa.Size;
import dev.ebpfjvm.core.load.LoadedObject;
import dev.ebpfjvm.core.load.ObjectLoader;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.MapType;
import dev.ebpfjvm.core.maps.Pinning;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A built program loaded with its maps exactly as an ELF program is, and run on the interpreter. */
class AsmLoadTest {

    @Test
    void spec_loadsWithAMapByNameAndGlobalData_andRunsOnTheInterpreter() {
        ProgramSpec program = InsnList.of(
                        Asm.st(Size.W, R10, -4, 1), // key = 1
                        Asm.lddwMap(R1, "counters"),
                        MOV.reg(R2, R10),
                        ADD.imm(R2, -4),
                        Asm.call(HelperId.MAP_LOOKUP_ELEM),
                        JEQ.imm(R0, 0, "miss"),
                        Asm.lddwMapValue(R6, ".data", 4), // &step, the second u32 of .data
                        Asm.ldx(Size.W, R1, R6, 0),
                        AtomicOp.ADD.mem(Size.DW, R0, R1, 0), // counters[1] += step
                        Asm.ldx(Size.DW, R0, R0, 0),
                        Asm.exit(),
                        MOV.imm(R0, -1).withSymbol("miss"),
                        Asm.exit())
                .spec("count", "tc", "GPL");
        MapSpec counters = MapSpec.of("counters", MapType.ARRAY, 4, 8, 2, 0);
        byte[] data = le(8).putInt(4, 5).array();
        MapSpec globals = new MapSpec(
                ".data",
                MapType.ARRAY,
                4,
                8,
                1,
                0,
                Pinning.NONE,
                null,
                List.of(new MapSpec.Init(new byte[4], data, null)));
        ObjectSpec object = new ObjectSpec(List.of(program), List.of(counters, globals), List.of(), "GPL", 0, null);

        try (LoadedObject loaded = ObjectLoader.defaults().load(object)) {
            Executable count = loaded.program("count");
            assertEquals(5, count.run(new ProgramContext()));
            assertEquals(10, count.run(new ProgramContext()));
            assertEquals(
                    10,
                    le(loaded.map("counters").lookup(le(4).putInt(0, 1).array()))
                            .getLong(0));
            assertEquals(0, le(loaded.map("counters").lookup(new byte[4])).getLong(0));
        }
    }

    @Test
    void packageExample_runs() {
        // the example of package-info.java, as it is written there
        ProgramSpec spec = InsnList.of(
                        Asm.st(Size.W, R10, -4, 0), // key = 0, on the stack
                        Asm.lddwMap(R1, "counters"), // the map, by name
                        MOV.reg(R2, R10),
                        ADD.imm(R2, -4), // r2 = &key
                        Asm.call(HelperId.MAP_LOOKUP_ELEM),
                        JEQ.imm(R0, 0, "out"), // a miss: return 0
                        MOV.imm(R1, 1),
                        AtomicOp.ADD.mem(Size.DW, R0, R1, 0), // counters[0] += 1
                        MOV.imm(R0, 0).withSymbol("out"),
                        Asm.exit())
                .spec("count", "tc", "GPL");

        ObjectSpec object = new ObjectSpec(
                List.of(spec), List.of(MapSpec.of("counters", MapType.ARRAY, 4, 8, 1, 0)), List.of(), "GPL", 0, null);
        try (LoadedObject loaded = ObjectLoader.defaults().load(object)) {
            loaded.program("count").run(new ProgramContext());
            loaded.program("count").run(new ProgramContext());
            assertEquals(2, le(loaded.map("counters").lookup(new byte[4])).getLong(0));
        }
    }

    private static ByteBuffer le(int size) {
        return le(new byte[size]);
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void spec_isTheRepresentationAnElfObjectGives() {
        // the first instructions of global_config in testdata/globals.c: __sync_fetch_and_add(&packets_seen, 1)
        ProgramSpec elf = Fixtures.spec("globals").program("global_config").orElseThrow();
        Relocation first = elf.relocations().get(0);
        ProgramSpec built = InsnList.of(
                        MOV.imm(R2, 1),
                        Asm.lddwMapValue(R3, ".bss", first.offset()),
                        AtomicOp.ADD.mem(Size.DW, R3, R2, 0),
                        Asm.exit())
                .spec("global_config", "tc", "GPL");
        assertEquals(elf.insns().list().subList(0, 3), built.insns().list().subList(0, 3));
        Relocation mine = built.relocations().get(0);
        assertEquals(
                List.of(first.slot(), first.kind(), first.target(), first.offset()),
                List.of(mine.slot(), mine.kind(), mine.target(), mine.offset()));
        assertEquals(elf.type(), built.type());
        assertEquals(elf.attachType(), built.attachType());
    }
}
