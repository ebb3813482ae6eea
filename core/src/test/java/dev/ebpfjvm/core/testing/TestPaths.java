package dev.ebpfjvm.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Where tests find their inputs: the shared folder beside the checkout (conformance suite, bench
 * programs) and the repository's {@code testdata/}. Maven passes both as system properties; from
 * an IDE the defaults resolve from the working directory.
 */
public final class TestPaths {
    private TestPaths() {
    }

    /** {@return ../shared beside the checkout, if it exists} */
    public static Optional<Path> shared() {
        String prop = System.getProperty("ebpfjvm.shared");
        Path p = prop != null ? Paths.get(prop) : Paths.get("..", "..", "shared");
        return Files.isDirectory(p) ? Optional.of(p.normalize()) : Optional.empty();
    }

    /** {@return the conformance suite folder, if ../shared is present} */
    public static Optional<Path> conformance() {
        return shared().map(s -> s.resolve("conformance")).filter(Files::isDirectory);
    }

    /** {@return the repository's testdata folder} */
    public static Path testdata() {
        String prop = System.getProperty("ebpfjvm.testdata");
        return (prop != null ? Paths.get(prop) : Paths.get("..", "testdata")).normalize();
    }
}
