package dev.ebpfjvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code dump --xlated} against what the real {@code bpftool prog dump xlated} printed for the same
 * object loaded in the kernel (testdata/xlated_forms.o, recorded by bpftool/record.sh on Linux 6.18
 * with bpftool 7.1): line for line, but for the numbers that belong to a kernel — map ids, which
 * must still name the same map at each use, and the helper call's {@code #N}, which the kernel
 * patches from the helper id to the helper's address.
 */
class DumpBpftoolTest {
    private static final Pattern MAP_ID = Pattern.compile("map\\[id:(\\d+)\\]");
    private static final Pattern CALL = Pattern.compile("call (\\w+)#\\d+");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"xlated_forms.xlated.txt, --xlated", "xlated_forms.linum.txt, --linum"})
    void dump_matchesBpftool(String recorded, String option) throws IOException {
        CliRun cli = new CliRun();
        String[] args = option.equals("--linum")
                ? new String[] {"dump", CliRun.fixture("xlated_forms"), "--xlated", "--linum"}
                : new String[] {"dump", CliRun.fixture("xlated_forms"), "--xlated"};
        assertEquals(0, cli.run(args), cli.err());
        assertEquals(normalize(resource(recorded)), normalize(cli.out()));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DumpBpftoolTest.class.getResourceAsStream("bpftool/" + name)) {
            assertNotNull(in, "bpftool/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Map ids numbered by first use ({@code map[id:#1]}), helper call numbers dropped. */
    private static String normalize(String listing) {
        Map<String, String> ids = new LinkedHashMap<>();
        Matcher m = MAP_ID.matcher(listing);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String n = ids.computeIfAbsent(m.group(1), k -> "#" + (ids.size() + 1));
            m.appendReplacement(sb, Matcher.quoteReplacement("map[id:" + n + "]"));
        }
        m.appendTail(sb);
        return CALL.matcher(sb.toString()).replaceAll("call $1#N");
    }
}
