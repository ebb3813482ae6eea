package dev.ebpfjvm.core.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.InvalidProgramException;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The suite's 60 negative files (conformance/negative): each is rejected by the reader, the
 * assembler or the codec with a clear reason, or, for the two that test the runner itself, reported
 * as a failure with the expected and actual values.
 */
class NegativeSuiteTest {
    /** The files that are not {@code unused-*}: what each must produce. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("empty.data", "skip: no result or error"),
            Map.entry("empty_instructions.data", "empty"),
            Map.entry("invalid_unknown_directive.data", "skip: unknown directive '-- Unknown directive'"),
            Map.entry("invalid_imm32_dec_range.data", "line 5: immediate out of 32-bit range: 2147483648"),
            Map.entry("invalid_imm32_hex_range.data", "line 5: immediate out of 32-bit range: 0x100000000"),
            Map.entry("invalid_label.data", "line 4: unknown label 'NOT_A_LABEL'"),
            Map.entry(
                    "invalid_lock.data",
                    "line 4: wrong number of operands for 'lock': expected [fetch] OP [%rD+off], %rS, got 2"),
            Map.entry(
                    "invalid_lock2.data",
                    "line 4: wrong number of operands for 'lock': expected [fetch] OP [%rD+off], %rS, got 0"),
            Map.entry("invalid_mnemonic.data", "line 5: invalid mnemonic 'ldxq'"),
            Map.entry("invalid_offset.data", "line 4: expected a memory operand [%rN+off], got '%r1'"),
            Map.entry("invalid_offset_range.data", "line 5: offset out of 16-bit range: +0x10000"),
            Map.entry(
                    "invalid_operand_count.data",
                    "line 4: wrong number of operands for 'lddw': expected 2 (%rD, imm64) or 3 (%rD, imm64, pseudo source), got 1"),
            Map.entry("invalid_register.data", "line 4: invalid register '%r50' (expected %r0 to %r10)"),
            Map.entry("error.data", "run"),
            Map.entry("incorrect_return_value_high_bits.data", "run"));

    static Stream<Path> negativeFiles() throws IOException {
        Path dir = TestPaths.conformance().resolve("negative");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".data")).sorted().toList().stream();
        }
    }

    @Test
    void suite_hasSixtyFilesAllExpected() throws IOException {
        assertEquals(60, negativeFiles().count());
        assertEquals(
                45,
                negativeFiles()
                        .filter(p -> p.getFileName().toString().startsWith("unused-"))
                        .count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negativeFiles")
    void negativeFile_isRejectedWithAClearReason(Path file) throws IOException {
        String name = file.getFileName().toString();
        ConformanceTest test = ConformanceReader.read(file);
        if (name.startsWith("unused-")) {
            // No result and an empty error: the upstream runner skips these files, so the check
            // they stand for is made here, on the raw program they hold.
            assertEquals(Optional.of("no result or error"), test.skipReason());
            InvalidProgramException e = assertThrows(InvalidProgramException.class, test::program);
            assertEquals(0, e.index());
            assertTrue(e.reason().matches("BPF_[A-Z/0-9]+ uses reserved fields"), e.getMessage());
            return;
        }
        String expected = EXPECTED.get(name);
        assertTrue(expected != null, "no expectation for " + name);
        if (expected.startsWith("skip: ")) {
            assertEquals(Optional.of(expected.substring(6)), test.skipReason());
        } else if (expected.equals("empty")) {
            assertEquals(0, test.program().size());
        } else if (expected.equals("run")) {
            checkRunnerReportsFailure(test);
        } else {
            assertEquals(
                    expected,
                    assertThrows(InvalidProgramException.class, test::program).getMessage());
        }
    }

    /** error.data expects an error the program does not raise; the other expects wrong high bits. */
    private static void checkRunnerReportsFailure(ConformanceTest test) {
        ConformanceResult result = new ConformanceRunner(Engines.byName("interpreter")).run(test);
        assertEquals(ConformanceResult.Status.FAIL, result.status());
        if (test.name().equals("error.data")) {
            assertTrue(
                    result.message().startsWith("expected error 'Invalid', but the program returned r0 0x"),
                    result.message());
        } else {
            assertEquals(OptionalLong.of(0x8977665544332211L), result.expected());
            assertEquals(OptionalLong.of(0x8877665544332211L), result.actual());
            assertEquals(
                    "FAIL incorrect_return_value_high_bits.data: expected r0 0x8977665544332211, got 0x8877665544332211",
                    result.describe());
        }
    }
}
