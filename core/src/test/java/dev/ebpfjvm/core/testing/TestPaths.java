package dev.ebpfjvm.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where tests find their inputs, all inside the repository: {@code testdata/} with the clang-built
 * objects, the vendored BPF conformance suite ({@code testdata/conformance}) and the bench micro
 * programs ({@code testdata/bench}). Maven passes the repository root as the system property
 * {@code ebpfjvm.root} (the module's {@code ${project.basedir}/..}), so the working directory does
 * not matter; without it (an IDE run) the root is the nearest folder at or above the working
 * directory that holds {@code testdata/conformance}. A missing input is an error, never a skip.
 */
public final class TestPaths {
    private TestPaths() {}

    /**
     * {@return the repository root}
     *
     * @throws IllegalStateException when it cannot be found
     */
    public static Path root() {
        String prop = System.getProperty("ebpfjvm.root");
        if (prop != null) {
            return existing(Paths.get(prop).toAbsolutePath().normalize(), "repository root (-Debpfjvm.root)");
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("testdata").resolve("conformance"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (a folder with testdata/conformance) at or above "
                + Paths.get("").toAbsolutePath() + "; run the tests through Maven or set -Debpfjvm.root");
    }

    /** {@return the repository's testdata folder} */
    public static Path testdata() {
        return existing(root().resolve("testdata"), "testdata folder");
    }

    /** {@return the vendored BPF conformance suite, testdata/conformance (its negative files in negative/)} */
    public static Path conformance() {
        return existing(testdata().resolve("conformance"), "conformance suite");
    }

    /** {@return the bench micro programs with their native timings, testdata/bench} */
    public static Path bench() {
        return existing(testdata().resolve("bench"), "bench micro programs");
    }

    private static Path existing(Path dir, String what) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(what + " not found: " + dir + " is not a directory");
        }
        return dir;
    }
}
