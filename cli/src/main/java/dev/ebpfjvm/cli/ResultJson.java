package dev.ebpfjvm.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Writes test-run results as the kernel oracle prints them, Python's {@code json.dumps(value,
 * indent=1)}: one space of indent per level, {@code "key": value}, empty containers as {@code []}
 * and {@code {}}, non-ASCII characters escaped as {@code \u00e9}; so that our output and the
 * kernel's diff cleanly, line by line.
 */
final class ResultJson {
    private static final ObjectWriter WRITER = writer();

    private ResultJson() {}

    private static ObjectWriter writer() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter(" ", "\n");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        JsonMapper mapper = JsonMapper.builder()
                .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
                .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                .build();
        return mapper.writer(pretty);
    }

    /**
     * {@return a result (maps, lists, strings, numbers, booleans, null) as Python's
     * {@code json.dumps(value, indent=1)} writes it}
     */
    static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON value: " + e.getOriginalMessage(), e);
        }
    }
}
