package dev.ebpfjvm.core.conformance;

import dev.ebpfjvm.core.InputFiles;
import dev.ebpfjvm.core.MalformedObjectException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the {@code .data} files of the BPF conformance suite with the rules of its own parser
 * (parse_test_file() in bpf_conformance's lib/src/bpf_test_parser.cc; see FORMAT.md beside the
 * suite): a trailing {@code \r} is dropped; everything from {@code #} on is a comment, on every
 * line; a line containing {@code --} is a section header named by the first of {@code asm},
 * {@code result}, {@code mem}, {@code raw}, {@code no register offset}, {@code " c"},
 * {@code error} it contains, and any other header makes the file skipped; blank lines and lines
 * before the first header are ignored; {@code result} and {@code error} keep their last line;
 * {@code mem} and {@code raw} concatenate theirs. A file with neither result nor error is skipped.
 *
 * <p>{@code raw} holds one 64-bit value per slot ({@code 0x} hex or decimal). The suite's
 * negative {@code unused-*} files write 8 two-digit hex bytes per slot instead, which the upstream
 * parser misreads; a raw section made only of two-digit hex tokens, a multiple of 8 of them, is
 * read as those bytes.
 */
public final class ConformanceReader {
    private enum Section {
        IGNORE,
        ASM,
        RESULT,
        MEM,
        RAW,
        ERROR
    }

    private static final String[] KEYWORDS = {"asm", "result", "mem", "raw", "no register offset", " c", "error"};
    private static final Section[] SECTIONS = {
        Section.ASM, Section.RESULT, Section.MEM, Section.RAW, Section.IGNORE, Section.IGNORE, Section.ERROR
    };

    private ConformanceReader() {}

    /**
     * Reads one test file.
     *
     * @throws MalformedObjectException naming the section whose content does not parse
     * @throws IOException when it is not a regular file of at most {@link InputFiles#MAX_TEXT_BYTES}, or cannot be read
     */
    public static ConformanceTest read(Path file) throws IOException {
        byte[] bytes = InputFiles.read(file, InputFiles.MAX_TEXT_BYTES);
        String text = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes))
                .toString(); // CharacterCodingException for other bytes
        return parse(file.getFileName().toString(), text);
    }

    /**
     * Parses the text of one test file.
     *
     * @param name the test's name (its file name)
     * @throws MalformedObjectException naming the section whose content does not parse
     */
    public static ConformanceTest parse(String name, String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder asm = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        StringBuilder mem = new StringBuilder();
        String result = null;
        String error = null;
        Section section = Section.IGNORE;
        for (String line : lines) {
            line = stripComment(line);
            String asmLine = "";
            if (line.contains("--")) {
                section = header(line);
                if (section == null) {
                    return skipped(name, "unknown directive '" + line.trim() + "'");
                }
            } else if (!line.isBlank()) {
                switch (section) {
                    case ASM:
                        asmLine = line;
                        break;
                    case RESULT:
                        result = line.trim();
                        break;
                    case MEM:
                        mem.append(' ').append(line);
                        break;
                    case RAW:
                        raw.append(' ').append(line);
                        break;
                    case ERROR:
                        error = line.stripTrailing();
                        break;
                    default:
                        break;
                }
            }
            asm.append(asmLine).append('\n');
        }
        // Kept whole even when skipped, so that tools can still look at the program.
        Optional<String> skip = result == null && error == null ? Optional.of("no result or error") : Optional.empty();
        return new ConformanceTest(
                name,
                asm.toString(),
                rawSlots(raw.toString()),
                memory(mem.toString()),
                result == null ? OptionalLong.empty() : OptionalLong.of(number(result, "result")),
                Optional.ofNullable(error),
                skip);
    }

    private static String stripComment(String line) {
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static Section header(String line) {
        for (int i = 0; i < KEYWORDS.length; i++) {
            if (line.contains(KEYWORDS[i])) {
                return SECTIONS[i];
            }
        }
        return null;
    }

    private static ConformanceTest skipped(String name, String reason) {
        return new ConformanceTest(
                name, "", List.of(), new byte[0], OptionalLong.empty(), Optional.empty(), Optional.of(reason));
    }

    /** A {@code 0x} hex or decimal 64-bit value, as the suite writes results and raw slots. */
    private static long number(String s, String section) {
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseUnsignedLong(s.substring(2), 16);
            }
            return s.startsWith("-") ? Long.parseLong(s) : Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw new MalformedObjectException(section, "not a 64-bit number: '" + s + "'");
        }
    }

    private static String[] tokens(String text) {
        String trimmed = text.trim();
        return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    }

    private static List<Long> rawSlots(String text) {
        String[] tokens = tokens(text);
        boolean bytes = tokens.length > 0
                && tokens.length % 8 == 0
                && Arrays.stream(tokens).allMatch(t -> t.matches("[0-9a-fA-F]{2}"));
        List<Long> slots = new ArrayList<>();
        if (!bytes) {
            for (String t : tokens) {
                slots.add(number(t, "raw"));
            }
            return slots;
        }
        for (int i = 0; i < tokens.length; i += 8) {
            long word = 0;
            for (int b = 7; b >= 0; b--) {
                word = word << 8 | Integer.parseInt(tokens[i + b], 16);
            }
            slots.add(word);
        }
        return slots;
    }

    private static byte[] memory(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String t : tokens(text)) {
            String digits = t.startsWith("0x") || t.startsWith("0X") ? t.substring(2) : t;
            if (!digits.matches("[0-9a-fA-F]{1,2}")) {
                throw new MalformedObjectException("mem", "not a hex byte: '" + t + "'");
            }
            out.write(Integer.parseInt(digits, 16));
        }
        return out.toByteArray();
    }
}
