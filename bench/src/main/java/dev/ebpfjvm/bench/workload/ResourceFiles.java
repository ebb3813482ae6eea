package dev.ebpfjvm.bench.workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the programs and fixture objects packed into the benchmarks jar. */
final class ResourceFiles {
    private ResourceFiles() {}

    /**
     * {@return the bytes of a class-path resource}
     *
     * @param path the absolute resource path, e.g. {@code /testdata/legacy_maps.o}
     * @throws IllegalArgumentException when the jar lacks it
     */
    static byte[] bytes(String path) {
        try (InputStream in = ResourceFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path + " on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading resource " + path, e);
        }
    }

    /** {@return a class-path resource as UTF-8 text} */
    static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }
}
