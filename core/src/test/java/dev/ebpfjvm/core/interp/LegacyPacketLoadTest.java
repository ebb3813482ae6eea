package dev.ebpfjvm.core.interp;

import static dev.ebpfjvm.core.asm.Asm.callLocal;
import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.asm.Asm.ldAbs;
import static dev.ebpfjvm.core.asm.Asm.ldInd;
import static dev.ebpfjvm.core.asm.Asm.lddw;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.isa.AluOp;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code LD_ABS}/{@code LD_IND}: network byte order from the packet region, and "return 0 from
 * the function" when the bytes are not in the packet (bpf_gen_ld_abs() in net/core/filter.c).
 */
class LegacyPacketLoadTest {
    private static final byte[] PACKET = {
        0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88, (byte) 0x99, (byte) 0xaa, (byte) 0xbb,
    };

    private static long run(Insn... insns) {
        ProgramContext ctx = new ProgramContext();
        ctx.memory().setPacket(PACKET.clone());
        return Runs.run(ctx, insns);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"B, 8, 88", "H, 1, 1122", "W, 8, 8899aabb", "B, 11, bb", "H, 10, aabb"})
    void ldAbs_readsBigEndian(Size size, int offset, String expected) {
        assertEquals(Long.parseLong(expected, 16), run(ldAbs(size, offset), exit()));
    }

    @ParameterizedTest(name = "{0} at {1} + {2}")
    @CsvSource({"W, 4, 4, 8899aabb", "H, 20, -10, aabb", "B, -1, 1, 00"})
    void ldInd_addsTheRegister(Size size, int reg, int imm, String expected) {
        assertEquals(Long.parseLong(expected, 16), run(MOV.imm(7, reg), ldInd(size, 7, imm), exit()));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"W, 9", "H, 11", "B, 12", "B, -1", "W, 2147483647"})
    void outsideThePacket_returnsZeroFromTheFunction(Size size, int offset) {
        assertEquals(0, run(MOV.imm(0, 5), ldAbs(size, offset), MOV.imm(0, 9), exit()));
    }

    @Test
    void ldInd_usesTheLow32BitsOfTheSum() {
        // 0x1_0000_0004 + 4 truncates to offset 8, as the helper's int parameter does.
        assertEquals(0x8899aabbL, run(lddw(7, 0x1_0000_0004L), ldInd(Size.W, 7, 4), exit()));
    }

    @Test
    void outsideThePacket_inAFunction_returnsZeroToItsCaller() {
        Insn[] insns = {
            callLocal(2), AluOp.ADD.imm(0, 100), exit(), MOV.imm(0, 5), ldAbs(Size.W, 100), MOV.imm(0, 9), exit(),
        };
        assertEquals(100, run(insns));
    }

    @Test
    void noPacket_returnsZero() {
        assertEquals(0, Runs.run(MOV.imm(0, 5), ldAbs(Size.B, 0), exit()));
    }
}
