package dev.ebpfjvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static String veth() {
        return "devices:\n  - name: veth0\n    peer: veth1\n";
    }

    private static String counter() {
        return "objects:\n  - name: count\n    file: " + CliRun.fixture("eth_proto_count") + "\n";
    }

    @Test
    void bundled_runsAndSwapsTheFirewall() {
        assertEquals(0, cli.run("run", "--packets", "60000", "--show", "net,prog,link,map"), cli.err());
        String out = cli.out();
        assertTrue(out.startsWith("run the bundled example: 60,000 packets on 1 thread, engine jit:"), out);
        assertTrue(out.contains("packets/s"), out);
        assertTrue(out.contains("before packet 50,000: update firewall -> fw-strict/ipv4_filter"), out);
        assertTrue(out.matches("(?s).*veth1\\s+ingress\\s+60,000\\s.*"), out);
        assertTrue(out.contains("# net show\ntc:\nveth1(3) tcx/ingress revision 4\n"), out);
        assertTrue(out.contains("clsact/ingress count_ethertype"), out);
        assertTrue(out.contains("# prog show\n1: sched_cls  name ipv4_filter  run_cnt 50000"), out);
        assertTrue(out.contains("# link show\n1: tcx  prog 2  name firewall"), out);
        assertTrue(out.contains("key: cb 00 71 01 00 50 06 00  value: c0 00 02 0a 1f 90"), out);
        assertTrue(cli.err().isEmpty(), "no progress line without a terminal: " + cli.err());
    }

    @Test
    void bundled_twoThreadsInterpreter_countsEveryPacket() {
        assertEquals(0, cli.run("run", "--packets", "5000", "--threads", "2", "--engine", "interpreter"), cli.err());
        assertTrue(
                cli.out().startsWith("run the bundled example: 5,000 packets on 2 threads, engine interpreter:"),
                cli.out());
        assertTrue(cli.out().matches("(?s).*veth0\\s+0\\s+0\\s+5,000\\s.*"), cli.out());
    }

    @Test
    void jsonTopology_runs() throws IOException {
        Path p = write(
                "t.json",
                "{\"devices\": [{\"name\": \"a\", \"peer\": \"b\"}],"
                        + " \"objects\": [{\"name\": \"c\", \"file\": \"" + CliRun.fixture("eth_proto_count") + "\"}],"
                        + " \"attach\": [{\"device\": \"b\", \"hook\": \"ingress\", \"program\": \"c/count_ethertype\"}],"
                        + " \"traffic\": [{\"device\": \"a\", \"frames\": 100}]}");
        assertEquals(0, cli.run("run", p.toString()), cli.err());
        assertTrue(cli.out().startsWith("run " + p + ": 100 packets on 1 thread"), cli.out());
        assertTrue(cli.out().matches("(?s).*count_ethertype\\s+b\\s+ingress\\s+100\\s.*"), cli.out());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "devices:\\n  - name: a\\n    colour: red\\n|3:5: devices[0].colour: unknown field (fields here: name, peer, mac, mtu)",
                "devices:\\n  - name: a\\n    mtu: 20\\n|3:10: devices[0].mtu: 20 not in 68..65535",
                "devices:\\n  - name: a\\n    mac: \"02:00\"\\n|3:10: devices[0].mac: a MAC address has 6 hex bytes",
                "devices:\\n  - name: a\\n  - name: a\\n|3:11: devices[1].name: two devices named 'a'",
                "devices: [\\n|1:11: while parsing a flow node; expected the node content, but found '<stream end>'",
                "devices:\\n  - name: a\\nattach:\\n  - device: z\\n    hook: ingress\\n    program: c/p\\n"
                        + "|4:13: attach[0].device: no device named 'z' (devices: a)",
                "devices:\\n  - name: a\\nattach:\\n  - device: a\\n    hook: sideways\\n    program: c/p\\n"
                        + "|5:11: attach[0].hook: 'sideways' is not one of ingress, egress",
                "devices:\\n  - name: a\\nattach:\\n  - device: a\\n    hook: ingress\\n    program: nope\\n"
                        + "|6:14: attach[0].program: 'nope' is not OBJECT/PROGRAM",
                "devices:\\n  - name: a\\nchanges:\\n  - at: 5\\n    detach: x\\n|5:13: changes[0].detach: no attachment named 'x'",
                "devices:\\n  - name: a\\nobjects:\\n  - name: o\\n    file: x.o\\n    globals:\\n      g: u8:300\\n"
                        + "|7:10: objects[0].globals.g: 'u8:300': does not fit in 1 byte",
                "devices:\\n  - name: a\\ntraffic:\\n  - device: a\\n    via: air\\n|5:10: traffic[0].via: 'air' is not one of host, wire",
                "devices:\\n  - name: a\\ndevices:\\n  - name: b\\n|3:1: devices: given twice",
                "objects: []\\n|1:1: a topology needs at least one device",
            })
    void fileErrors_nameLineAndField_andRunNothing(String yaml, String expected) throws IOException {
        Path p = write("bad.yaml", yaml.replace("\\n", "\n"));
        assertEquals(Main.FAILED, cli.run("run", p.toString()), cli.out());
        assertTrue(cli.err().startsWith("ebpf-jvm run: " + p + ":" + expected), cli.err());
        assertEquals("", cli.out(), "nothing ran");
    }

    @Test
    void fileErrors_jsonSyntax_andBuildFailures() throws IOException {
        Path j = write("bad.json", "{\"devices\": [}");
        assertEquals(Main.FAILED, cli.run("run", j.toString()));
        assertTrue(
                cli.err().startsWith("ebpf-jvm run: " + j + ":1:14: Unexpected close marker '}': expected ']'"),
                cli.err());
        assertTrue(!cli.err().contains("Source:"), cli.err());
        cli.reset();
        Path b = write(
                "b.yaml",
                veth() + counter() + "attach:\n  - device: veth1\n    hook: ingress\n" + "    program: count/nope\n");
        assertEquals(Main.FAILED, cli.run("run", b.toString()));
        assertTrue(
                cli.err().contains("attachment 'veth1/ingress/nope': object 'count' has no program 'nope'"), cli.err());
        cli.reset();
        assertEquals(Main.FAILED, cli.run("run", dir.resolve("missing.yaml").toString()));
        assertTrue(cli.err().contains("missing.yaml"), cli.err());
    }

    @Test
    void usageErrors_exit2() {
        assertEquals(Main.USAGE, cli.run("run", "--show", "bogus"));
        assertTrue(cli.err().contains("unknown view 'bogus'"), cli.err());
        assertEquals(Main.USAGE, cli.run("run", "--threads", "0"));
        assertEquals(Main.USAGE, cli.run("run", "--packets", "-1"));
        assertEquals(Main.USAGE, cli.run("run", "--engine", "nope"));
    }
}
