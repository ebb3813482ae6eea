package dev.ebpfjvm.core.isa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.core.InvalidProgramException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The codec: exact round trips, and every way bytes can fail to be a program, each named by its
 * slot and the kernel's reason. Every valid opcode's exact encoding is in {@link IsaTableTest}.
 */
class InsnCodecTest {
    private static final String EXIT = "95 00 00 00 00 00 00 00";
    private static final String MOV0 = "b7 00 00 00 00 00 00 00";

    private static byte[] hex(String s) {
        return HexFormat.ofDelimiter(" ").parseHex(s);
    }

    @Test
    void decode_lddwIsOneInsnOfTwoSlots() {
        Instructions p = InsnCodec.decode(hex("18 01 00 00 88 77 66 55 00 00 00 00 44 33 22 11 " + EXIT));
        assertEquals(2, p.size());
        assertEquals(3, p.slotCount());
        assertEquals(0x1122334455667788L, p.list().get(0).imm());
        assertEquals(2, p.slotOf(1));
        assertEquals(null, p.atSlot(1));
        assertEquals(p.list().get(1), p.atSlot(2));
    }

    @Test
    void decode_negativeImmediatesAndOffsetsSignExtend() {
        Insn insn =
                InsnCodec.decode(hex("7a 0a f8 ff fd ff ff ff " + EXIT)).list().get(0);
        assertEquals(-8, insn.off());
        assertEquals(-3, insn.imm());
        Insn wide = InsnCodec.decode(hex("18 00 00 00 ff ff ff ff 00 00 00 00 ff ff ff ff " + EXIT))
                .list()
                .get(0);
        assertEquals(-1L, wide.imm());
    }

    /** Each malformed program with the slot at fault and the kernel's words for why. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "length not a multiple of 8;   b7 00 00 00 00 00 00 00 95 00 00 00;    -1; program length 12 is not a multiple of 8",
                "empty;                        '';                                      -1; empty program",
                "unknown ALU opcode;           " + MOV0 + " e4 00 00 00 00 00 00 00 " + EXIT
                        + "; 1; invalid BPF_ALU opcode 0xe4",
                "unknown JMP opcode;           " + MOV0 + " f5 00 00 00 00 00 00 00 " + EXIT
                        + "; 1; invalid BPF_JMP opcode 0xf5",
                "unknown LD mode;              " + MOV0 + " 00 00 00 00 00 00 00 00 " + EXIT
                        + "; 1; invalid BPF_LD opcode 0x00",
                "ld_abs of 8 bytes;            38 00 00 00 00 00 00 00 " + EXIT + ";   0; invalid BPF_LD opcode 0x38",
                "ALU source K with src;        07 10 00 00 01 00 00 00 " + EXIT + ";   0; BPF_ALU uses reserved fields",
                "ALU source X with imm;        0f 00 00 00 01 00 00 00 " + EXIT + ";   0; BPF_ALU uses reserved fields",
                "div with off 2;               37 00 02 00 01 00 00 00 " + EXIT + ";   0; BPF_ALU uses reserved fields",
                "neg with source X;            8f 00 00 00 00 00 00 00 " + EXIT + ";   0; BPF_NEG uses reserved fields",
                "le with width 8;              d4 00 00 00 08 00 00 00 " + EXIT + ";   0; BPF_END uses reserved fields",
                "bswap with source X;          df 00 00 00 10 00 00 00 " + EXIT + ";   0; BPF_END uses reserved fields",
                "movsx32 from 32 bits;         bc 10 20 00 00 00 00 00 " + EXIT + ";   0; BPF_MOV uses reserved fields",
                "mov K with off;               b7 00 08 00 01 00 00 00 " + EXIT + ";   0; BPF_MOV uses reserved fields",
                "ldx with imm;                 79 a0 f8 ff 01 00 00 00 " + EXIT + ";   0; BPF_LDX uses reserved fields",
                "ldsx of 8 bytes;              99 a0 f8 ff 00 00 00 00 " + EXIT + ";   0; BPF_LDX uses reserved fields",
                "st with src;                  7a 1a f8 ff 00 00 00 00 " + EXIT + ";   0; BPF_ST uses reserved fields",
                "stx with imm;                 7b 1a f8 ff 01 00 00 00 " + EXIT + ";   0; BPF_STX uses reserved fields",
                "atomic of one byte;           d3 1a f8 ff 00 00 00 00 " + EXIT + ";   0; invalid atomic operand size",
                "atomic with unknown op;       db 1a f8 ff 10 00 00 00 " + EXIT
                        + ";   0; BPF_ATOMIC uses invalid atomic opcode 10",
                "ja with imm;                  05 00 00 00 01 00 00 00 " + EXIT + ";   0; BPF_JA uses reserved fields",
                "gotol with off;               06 00 01 00 00 00 00 00 " + EXIT + ";   0; BPF_JA uses reserved fields",
                "jeq K with src;               15 10 00 00 00 00 00 00 " + EXIT
                        + ";   0; BPF_JMP/JMP32 uses reserved fields",
                "call with dst;                85 01 00 00 01 00 00 00 " + EXIT
                        + ";   0; BPF_CALL uses reserved fields",
                "helper call with off;         85 00 01 00 01 00 00 00 " + EXIT
                        + ";   0; BPF_CALL uses reserved fields",
                "call with src 3;              85 30 00 00 01 00 00 00 " + EXIT
                        + ";   0; BPF_CALL uses reserved fields",
                "call in JMP32;                86 00 00 00 01 00 00 00 " + EXIT
                        + ";   0; BPF_CALL uses reserved fields",
                "exit with imm;                " + MOV0 + " 95 00 00 00 01 00 00 00; 1; BPF_EXIT uses reserved fields",
                "exit with off, as RFC 9669 demands (the kernel ignores it); " + MOV0
                        + " 95 00 01 00 00 00 00 00; 1; BPF_EXIT uses reserved fields",
                "exit in JMP32;                " + MOV0 + " 96 00 00 00 00 00 00 00; 1; BPF_EXIT uses reserved fields",
                "dst register 11;              b7 0b 00 00 00 00 00 00 " + EXIT + ";   0; R11 is invalid",
                "src register 15;              bf f0 00 00 00 00 00 00 " + EXIT + ";   0; R15 is invalid",
                "lddw missing its second slot; " + MOV0
                        + " 18 00 00 00 01 00 00 00; 1; last insn is not an exit or jmp (a bpf_ld_imm64 insn missing its second slot)",
                "lddw second slot with opcode; 18 00 00 00 01 00 00 00 95 00 00 00 00 00 00 00 " + EXIT
                        + "; 1; invalid bpf_ld_imm64 insn: second slot has reserved fields set",
                "lddw second slot with off;    18 00 00 00 01 00 00 00 00 00 01 00 00 00 00 00 " + EXIT
                        + "; 1; invalid bpf_ld_imm64 insn: second slot has reserved fields set",
                "lddw with off;                18 00 01 00 01 00 00 00 00 00 00 00 00 00 00 00 " + EXIT
                        + "; 0; BPF_LD_IMM64 uses reserved fields",
                "lddw with pseudo source 7;    18 70 00 00 01 00 00 00 00 00 00 00 00 00 00 00 " + EXIT
                        + "; 0; unrecognized bpf_ld_imm64 insn",
                "lddw map index with high imm; 18 50 00 00 01 00 00 00 00 00 00 00 01 00 00 00 " + EXIT
                        + "; 0; unrecognized bpf_ld_imm64 insn",
                "jump past the end;            15 00 05 00 00 00 00 00 " + EXIT
                        + ";   0; jump out of range from insn 0 to 6",
                "jump before the start;        05 00 fe ff 00 00 00 00 " + EXIT
                        + ";   0; jump out of range from insn 0 to -1",
                "gotol past the end;           06 00 00 00 a0 86 01 00 " + EXIT
                        + ";   0; jump out of range from insn 0 to 100001",
                "jump into lddw;               15 00 01 00 00 00 00 00 18 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 "
                        + EXIT + "; 0; jump into the middle of ldimm64 insn 1",
                "local call past the end;      85 10 00 00 05 00 00 00 " + EXIT + ";   0; call to invalid destination",
                "last insn not exit;           " + MOV0 + " " + EXIT + " " + MOV0
                        + "; 2; last insn is not an exit or jmp",
                "lddw as last insn;            18 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00; 1; last insn is not an exit or jmp",
                "function not ending in exit;  85 10 00 00 02 00 00 00 " + EXIT + " " + MOV0 + " " + MOV0 + " " + EXIT
                        + "; 2; last insn is not an exit or jmp",
                "mov into r10;                 b7 0a 00 00 00 00 00 00 " + EXIT + ";   0; frame pointer is read only",
                "load into r10;                79 aa f8 ff 00 00 00 00 " + EXIT + ";   0; frame pointer is read only",
                "lddw into r10;                18 0a 00 00 01 00 00 00 00 00 00 00 00 00 00 00 " + EXIT
                        + "; 0; frame pointer is read only",
                "atomic fetch into r10;        db aa f8 ff 01 00 00 00 " + EXIT + ";   0; frame pointer is read only",
                "jump into another function;   85 10 00 00 01 00 00 00 " + EXIT + " " + MOV0
                        + " 05 00 fd ff 00 00 00 00; 3; jump out of range from insn 3 to 1",
            })
    void decode_rejectsWithSlotAndReason(String what, String bytes, int slot, String reason) {
        InvalidProgramException e = assertThrows(InvalidProgramException.class, () -> InsnCodec.decode(hex(bytes)));
        assertEquals(reason, e.reason());
        assertEquals(slot, e.index());
    }

    /** Forms the kernel accepts that a stricter reading of the reserved fields would refuse. */
    @ParameterizedTest
    @CsvSource({
        "kfunc call with a BTF object index in off, 85 20 01 00 05 00 00 00 " + EXIT,
        "map value with an offset in the second imm, 18 21 00 00 03 00 00 00 00 00 00 00 10 00 00 00 " + EXIT,
        "map fd resolved to a map address by the loader, 18 11 00 00 00 00 00 00 00 00 00 00 05 00 00 00 " + EXIT,
        "ld_ind with any src register, 50 20 00 00 0c 00 00 00 " + EXIT,
        "function ending in a jump back, 15 00 01 00 00 00 00 00 " + EXIT + " 05 00 fd ff 00 00 00 00",
        "callx with the register in dst, 8d 02 00 00 00 00 00 00 " + EXIT,
        "atomic add of r10 without fetch, db aa f8 ff 00 00 00 00 " + EXIT,
    })
    void decode_acceptsKernelForms(String what, String bytes) {
        assertArrayEquals(hex(bytes), InsnCodec.decode(hex(bytes)).encode());
    }

    @Test
    void roundTrip_randomValidInsns() {
        long seed = Seeds.seed();
        Random r = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            Insn insn = RandomInsns.next(r);
            byte[] bytes = InsnCodec.encode(List.of(insn));
            assertEquals(insn.slots() * InsnCodec.SLOT_BYTES, bytes.length);
            assertEquals(
                    List.of(insn),
                    InsnCodec.decodeSlots(bytes),
                    () -> "round trip of " + insn + ", " + Seeds.describe(seed));
        }
    }

    @Test
    void roundTrip_randomValidPrograms() {
        long seed = Seeds.seed();
        Random r = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            Instructions p = RandomInsns.program(r, 1 + r.nextInt(30));
            byte[] bytes = p.encode();
            Instructions back = InsnCodec.decode(bytes);
            assertEquals(p, back, () -> "round trip, " + Seeds.describe(seed));
            assertArrayEquals(bytes, back.encode());
        }
    }

    @Test
    void insn_rejectsFieldsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new Insn(0x100, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Insn(0xb7, 16, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Insn(0xb7, 0, 0, 0x8000, 0));
        assertThrows(IllegalArgumentException.class, () -> new Insn(0xb7, 0, 0, 0, 1L << 32));
        List<Insn> ok = new ArrayList<>();
        ok.add(new Insn(Insn.LDDW, 0, 0, 0, 1L << 32));
        assertEquals(2, new Instructions(ok).slotCount());
    }
}
