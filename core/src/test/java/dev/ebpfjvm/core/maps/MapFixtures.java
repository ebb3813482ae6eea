package dev.ebpfjvm.core.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.exec.Environment;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.testing.TestRegions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.function.Executable;

/** Shared test scaffolding: specs, program contexts with stack-resident keys, kernel-recorded fixtures. */
final class MapFixtures {
    /** The kernel's fixtures were recorded on a machine with 2 possible CPUs. */
    static final int KERNEL_CPUS = 2;

    private MapFixtures() {}

    static MapSpec spec(MapType type, int keySize, int valueSize, int maxEntries, int flags) {
        return MapSpec.of("test_" + type.kernelName(), type, keySize, valueSize, maxEntries, flags);
    }

    static BpfMap create(MapType type, int keySize, int valueSize, int maxEntries) {
        return TestRegions.map(spec(type, keySize, valueSize, maxEntries, 0), KERNEL_CPUS);
    }

    /** {@return a context of a run on the given CPU of a machine with {@code cpus} CPUs} */
    static ProgramContext context(int cpus, int cpu) {
        Environment env = new Environment(() -> 0L, () -> 0L, new Random(1), line -> {}, cpus);
        ProgramContext ctx = TestRegions.context(env);
        ctx.setCpu(cpu);
        return ctx;
    }

    /** {@return the non-comment lines of a fixture in this package's test resources} */
    static List<String> fixture(String name) {
        try (InputStream in = MapFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that an action throws a MapException with the given errno. */
    static void assertErrno(Errno expected, Executable action) {
        assertEquals(expected, assertThrows(MapException.class, action).errno());
    }

    /** {@return bytes from hex} */
    static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    /** {@return hex of bytes} */
    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xff));
        }
        return sb.toString();
    }
}
