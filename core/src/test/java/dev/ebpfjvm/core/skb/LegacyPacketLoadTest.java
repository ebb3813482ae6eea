package dev.ebpfjvm.core.skb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.interp.Interpreter;
import dev.ebpfjvm.core.isa.Assembler;
import dev.ebpfjvm.core.testing.TestRegions;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LD_ABS / LD_IND on a modelled skb count from {@code skb->data}, not from the start of the headroom. */
class LegacyPacketLoadTest {
    private static final String FRAME = "000000000000020000000001" + "0800" + "4500002c";

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ldabsh 12,0x0800", "ldabsw 14,0x4500002c", "ldabsb 17,0x2c", "ldabsb 18,0", "ldabsh 17,0"})
    void ldAbsReadsTheData(String insn, String expected) {
        Program p = new Program(
                "ldabs",
                Assembler.assemble("mov %r6, %r1\n" + insn + "\nexit\n"),
                HelperRegistry.empty(),
                TestRegions.reach());
        ProgramContext ctx = new ProgramContext();
        SkBuffContext.install(ctx, Skb.of(HexFormat.of().parseHex(FRAME)), Devices.loopbackOnly());
        try (Executable exe = new Interpreter().load(p)) {
            assertEquals(Long.decode(expected).longValue(), exe.run(ctx));
        }
    }
}
