package dev.ebpfjvm.core.btf;

import java.util.Objects;

/**
 * A {@code struct bpf_line_info} of {@code .BTF.ext}: the C source line an instruction comes
 * from, with the strings already looked up, so that tools can print source beside instructions.
 *
 * @param slot the instruction slot (bytes / 8, relative to the section or, once linked, to the program)
 * @param fileName the source file, as clang recorded it
 * @param line the text of the source line
 * @param lineNumber the 1-based line number ({@code line_col >> 10})
 * @param column the column ({@code line_col & 0x3ff})
 */
public record LineInfo(int slot, String fileName, String line, int lineNumber, int column) {
    public LineInfo {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(line, "line");
    }

    /** {@return the same record moved by a number of slots, for code appended at another place} */
    public LineInfo shift(int slots) {
        return new LineInfo(slot + slots, fileName, line, lineNumber, column);
    }
}
