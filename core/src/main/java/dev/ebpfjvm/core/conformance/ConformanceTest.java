package dev.ebpfjvm.core.conformance;

import dev.ebpfjvm.core.InvalidProgramException;
import dev.ebpfjvm.core.isa.Assembler;
import dev.ebpfjvm.core.isa.InsnCodec;
import dev.ebpfjvm.core.isa.Instructions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One test of the BPF conformance suite, as {@link ConformanceReader} reads it from a
 * {@code .data} file: the program (assembler text, or raw slots that override it), the initial
 * memory, and the expected outcome.
 *
 * @param name the file name, e.g. {@code add.data}
 * @param asm the text of the {@code -- asm} sections; every other line of the file is blanked, so
 *     that assembler errors name the line of the file
 * @param raw the {@code -- raw} slots as little-endian 64-bit values, empty when there are none
 * @param mem the {@code -- mem} bytes, empty when there are none (the program then gets r1 = 0)
 * @param expectedResult the full 64-bit r0 the program must return, if the file gives one
 * @param expectedError the error text the run must fail with, if the file gives one
 * @param skipReason why the suite's runner would skip this file, or empty when it runs
 */
public record ConformanceTest(
        String name,
        String asm,
        List<Long> raw,
        byte[] mem,
        OptionalLong expectedResult,
        Optional<String> expectedError,
        Optional<String> skipReason) {

    public ConformanceTest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(asm, "asm");
        raw = List.copyOf(raw);
        mem = mem.clone();
        Objects.requireNonNull(expectedResult, "expectedResult");
        Objects.requireNonNull(expectedError, "expectedError");
        Objects.requireNonNull(skipReason, "skipReason");
    }

    /** {@return a copy of the initial memory} */
    @Override
    public byte[] mem() {
        return mem.clone();
    }

    /**
     * The program: the raw slots decoded (and validated) when the file has any, else the assembler
     * text assembled. Empty when the file spells no instruction, which the runner skips.
     *
     * @throws InvalidProgramException naming the slot or file line at fault
     */
    public Instructions program() {
        if (raw.isEmpty()) {
            return Assembler.assemble(asm);
        }
        ByteBuffer bytes =
                ByteBuffer.allocate(raw.size() * InsnCodec.SLOT_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.forEach(bytes::putLong);
        return InsnCodec.decode(bytes.array());
    }
}
