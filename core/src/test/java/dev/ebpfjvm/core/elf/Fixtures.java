package dev.ebpfjvm.core.elf;

import dev.ebpfjvm.core.testing.TestPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The fixture objects of the repository's {@code testdata/} and the expected outputs of the tools
 * recorded for them in the test resources ({@code elf/generate.sh}).
 */
public final class Fixtures {
    /** Fixtures the reader must reject as unsupported (externs, kfuncs). */
    public static final List<String> INVALID = List.of("invalid_extern", "invalid_kfunc");

    private Fixtures() {}

    /** {@return the names (without .o) of every fixture object} */
    public static List<String> all() {
        try (Stream<Path> files = Files.list(TestPaths.testdata())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".o"))
                    .map(n -> n.substring(0, n.length() - 2))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the fixtures the reader accepts} */
    public static List<String> valid() {
        return all().stream().filter(n -> !INVALID.contains(n)).collect(Collectors.toList());
    }

    /** {@return the bytes of a fixture object} */
    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(TestPaths.testdata().resolve(name + ".o"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the spec of a fixture object} */
    public static ObjectSpec spec(String name) {
        return ObjectReader.read(bytes(name));
    }

    /** {@return a recorded tool output, e.g. expected(name, "objdump"), if it was recorded} */
    public static Optional<String> expected(String name, String tool) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/elf/" + name + "." + tool + ".txt")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
