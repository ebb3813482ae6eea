package dev.ebpfjvm.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.elf.Fixtures;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.maps.PinRegistry;
import dev.ebpfjvm.core.maps.ProgArrayMap;
import dev.ebpfjvm.core.memory.LittleEndian;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loads fixtures with the interpreter, runs one program, and compares the return value,
 * skb->mark and every map entry with what the kernel produced for the same case
 * ({@code load/kernel-results.txt}, recorded by {@code load/generate.sh} with the kernel oracle).
 * The programs of these cases read only len, mark and protocol of {@code __sk_buff}, so a raw
 * context buffer holding those fields stands in for the kernel's rewritten context.
 */
class LoadEndToEndTest {
    /** {@code sizeof(struct __sk_buff)}. */
    private static final int SKB_SIZE = 192;

    private static final int LEN = 0;
    private static final int MARK = 8;
    private static final int PROTOCOL = 16;

    /** One recorded case. */
    record Case(
            String name,
            String object,
            String program,
            int mark,
            byte[] data,
            int retval,
            int markOut,
            List<String> entries) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        Map<String, String[]> inputs = new LinkedHashMap<>();
        for (String line : resource("kernel-cases.txt").split("\n")) {
            String[] t = line.split(" ");
            inputs.put(t[1], t);
        }
        List<Case> out = new ArrayList<>();
        String[] in = null;
        int retval = 0;
        int mark = 0;
        List<String> entries = new ArrayList<>();
        for (String line : resource("kernel-results.txt").split("\n")) {
            String[] t = line.split(" ", 2);
            switch (t[0]) {
                case "case":
                    in = inputs.get(t[1]);
                    entries = new ArrayList<>();
                    break;
                case "retval":
                    retval = Integer.parseInt(t[1]);
                    break;
                case "mark":
                    mark = Integer.parseInt(t[1]);
                    break;
                case "entry":
                    entries.add(t[1]);
                    break;
                default:
                    out.add(new Case(
                            in[1],
                            in[2],
                            in[3],
                            Integer.parseInt(in[4]),
                            HexFormat.of().parseHex(in[5]),
                            retval,
                            mark,
                            entries));
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void run_matchesKernel(Case c) {
        ObjectLoader loader = ObjectLoader.builder()
                .engine("interpreter")
                .pins(new PinRegistry())
                .cpus(1)
                .build();
        try (LoadedObject obj = loader.load(Fixtures.spec(c.object()))) {
            byte[] skb = new byte[SKB_SIZE];
            LittleEndian.putU32(skb, LEN, c.data().length);
            LittleEndian.putU32(skb, MARK, c.mark());
            skb[PROTOCOL] = c.data()[12];
            skb[PROTOCOL + 1] = c.data()[13];
            long r0 = obj.program(c.program()).run(new ProgramContext().withBuffer(skb));
            assertEquals(c.retval(), (int) r0, "return value");
            assertEquals(c.markOut(), (int) LittleEndian.getU32(skb, MARK), "skb->mark");
            assertEquals(new TreeSet<>(c.entries()), entries(obj));
        }
    }

    /** The map entries as the kernel oracle lists them. */
    private static TreeSet<String> entries(LoadedObject obj) {
        TreeSet<String> out = new TreeSet<>();
        HexFormat hex = HexFormat.of();
        for (BpfMap map : obj.maps().values()) {
            if (map instanceof ProgArrayMap) {
                for (int i = 0; i < map.maxEntries(); i++) {
                    Executable target = ((ProgArrayMap) map).get(i);
                    if (target != null) {
                        out.add(map.name() + " " + hex.formatHex(key(i)) + " prog:"
                                + target.program().name());
                    }
                }
                continue;
            }
            boolean array = map.type().kernelName().endsWith("array");
            for (byte[] k : map.keys()) {
                byte[] value = java.util.Arrays.copyOf(map.lookup(k), map.valueSize());
                boolean zero = java.util.Arrays.equals(value, new byte[value.length]);
                if (!array || !zero || map.name().startsWith(".")) {
                    out.add(map.name() + " " + hex.formatHex(k) + " " + hex.formatHex(value));
                }
            }
        }
        return out;
    }

    private static byte[] key(int i) {
        byte[] k = new byte[4];
        LittleEndian.putU32(k, 0, i);
        return k;
    }

    private static String resource(String name) {
        try (InputStream in = LoadEndToEndTest.class.getResourceAsStream("/load/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
