package dev.ebpfjvm.cli;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.net.Hook;
import dev.ebpfjvm.core.net.topology.FrameSource;
import dev.ebpfjvm.core.net.topology.NetViews;
import dev.ebpfjvm.core.net.topology.RunReport;
import dev.ebpfjvm.core.net.topology.Topology;
import dev.ebpfjvm.core.net.topology.TopologyRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ebpf-jvm run [TOPOLOGY]}: builds a topology (devices, objects, tcx links, classic filters),
 * pushes its traffic on worker threads and prints the counters of every device, hook and program,
 * verdicts and packets per second; {@code --show} adds bpftool- and tc-style views.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Runs traffic through a topology of devices and tc programs and reports what happened.",
            "Without TOPOLOGY it runs the bundled example: a veth pair with a firewall and a NAT as tcx links,",
            "an EtherType counter as a clsact filter, and a firewall swap at packet 50,000."
        },
        footer = {
            "",
            "Exit codes: 0 ran, 1 the topology file is wrong (file:line:column: field: reason) or the run"
                    + " failed, 2 a usage error."
        })
final class RunCommand implements Callable<Integer> {
    /** The packets of a run when neither --packets nor the topology's sources say. */
    static final long BUNDLED_PACKETS = 100_000;

    private static final String[] BUNDLED_OBJECTS = {"ipv4_filter.o", "nat44.o", "eth_proto_count.o"};

    @Spec
    private CommandSpec spec;

    @Parameters(
            paramLabel = "TOPOLOGY",
            arity = "0..1",
            description = "a topology file (YAML, or JSON named *.json); default: the bundled example")
    private Path topology;

    @Mixin
    private EngineOption engine;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "1",
            description = "worker threads, one simulated CPU each (default: ${DEFAULT-VALUE})")
    private int threads;

    @Option(
            names = "--packets",
            paramLabel = "N",
            defaultValue = "0",
            description = "packets to push, cycling the sources (default: each source's frames once; the bundled"
                    + " example: " + BUNDLED_PACKETS + ")")
    private long packets;

    @Option(
            names = "--show",
            paramLabel = "VIEW",
            split = ",",
            description = "views printed after the run: net, prog, link, map")
    private List<String> show = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (String v : show) {
            if (!List.of("net", "prog", "link", "map").contains(v)) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "--show: unknown view '" + v + "' (views: net, prog, link, map)");
            }
        }
        if (threads < 1 || threads > 256) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--threads: " + threads + " not in 1..256");
        }
        if (packets < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--packets: " + packets + " < 0");
        }
        Path tmp = null;
        try {
            Topology t;
            String name;
            long n = packets;
            if (topology == null) {
                tmp = extractBundled();
                t = TopologyFile.read(
                        tmp.resolve("example.yaml"),
                        "bundled example.yaml",
                        Files.readString(tmp.resolve("example.yaml")));
                name = "the bundled example";
                n = n == 0 ? BUNDLED_PACKETS : n;
            } else {
                t = TopologyFile.read(topology);
                name = topology.toString();
            }
            run(out, t, name, n);
            return 0;
        } catch (IOException e) {
            throw new CliException("bundled example: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    private void run(PrintWriter out, Topology t, String name, long n) {
        TopologyRunner.Options o = new TopologyRunner.Options(engine.engine(), threads, n, false);
        String where = topology == null ? "bundled example" : topology.toString();
        try (TopologyRunner r = TopologyRunner.build(t, o, FrameSource.builtin())) {
            Progress progress = Progress.start(r, spec.commandLine().getErr());
            RunReport rep;
            try {
                rep = r.run();
            } finally {
                progress.stop();
            }
            print(out, name, rep);
            for (String v : show) {
                out.println();
                switch (v) {
                    case "net":
                        out.print("# net show\n" + NetViews.netShow(r.runtime().network()));
                        break;
                    case "prog":
                        out.print(
                                "# prog show\n" + NetViews.progShow(r.runtime().network(), r.objects()));
                        break;
                    case "link":
                        out.print(
                                "# link show\n" + NetViews.linkShow(r.runtime().network(), r.links()));
                        break;
                    default:
                        out.print("# map dump\n" + NetViews.mapDump(r.objects()));
                        break;
                }
            }
        } catch (EbpfException e) {
            throw new CliException(where + ": " + e.getMessage(), e);
        }
    }

    static void print(PrintWriter out, String name, RunReport rep) {
        out.printf(
                Locale.ROOT,
                "run %s: %,d packets on %d thread%s, engine %s: %.3f s, %,.0f packets/s%n",
                name,
                rep.packets(),
                rep.threads(),
                rep.threads() == 1 ? "" : "s",
                rep.engine(),
                rep.nanos() / 1e9,
                rep.packetsPerSecond());
        Table d = new Table(
                "IFINDEX", "DEVICE", "RX", "RX_BYTES", "TX", "TX_BYTES", "RX_DROP", "TX_DROP", "REDIR_DROP", "TO_HOST");
        for (RunReport.DeviceStats s : rep.devices()) {
            d.row(
                    Integer.toString(s.ifindex()),
                    s.name(),
                    num(s.rxPackets()),
                    num(s.rxBytes()),
                    num(s.txPackets()),
                    num(s.txBytes()),
                    num(s.rxDropped()),
                    num(s.txDropped()),
                    num(s.redirectDrops()),
                    num(s.delivered()));
        }
        out.println();
        d.print(out, "devices");
        Table h = new Table("DEVICE", "HOOK", "PACKETS", "PASS", "DROP", "REDIRECT", "STOLEN", "FAULTS");
        for (RunReport.HookStats s : rep.hooks()) {
            h.row(
                    s.device(),
                    hook(s.hook()),
                    num(s.packets()),
                    num(s.pass()),
                    num(s.drop()),
                    num(s.redirect()),
                    num(s.consumed()),
                    num(s.faults()));
        }
        out.println();
        h.print(out, "verdicts by hook");
        Table p = new Table("ID", "OBJECT", "PROGRAM", "DEVICE", "HOOK", "RUNS", "RETURNED");
        for (RunReport.ProgramStats s : rep.programs()) {
            p.row(
                    Integer.toString(s.id()),
                    s.object(),
                    s.name(),
                    s.device(),
                    hook(s.hook()),
                    num(s.runs()),
                    verdicts(s.verdicts()));
        }
        out.println();
        p.print(out, "programs");
        if (!rep.changes().isEmpty()) {
            out.println();
            out.println("changes applied:");
            for (Topology.Change c : rep.changes()) {
                out.printf(
                        Locale.ROOT,
                        "  before packet %,d: %s %s%s%n",
                        c.atPacket(),
                        c.action().name().toLowerCase(Locale.ROOT),
                        c.attachment(),
                        c.program() == null ? "" : " -> " + c.program());
            }
        }
    }

    /** Return codes by name, as tc and tcx read them ({@code -1 NEXT}, {@code 0 PASS/OK}, {@code 2 DROP/SHOT}). */
    private static String verdicts(Map<Integer, Long> v) {
        return v.entrySet().stream()
                .map(e -> code(e.getKey()) + " " + num(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String code(int c) {
        switch (c) {
            case -1:
                return "NEXT";
            case 0:
                return "PASS";
            case 2:
                return "DROP";
            case 4:
                return "STOLEN";
            case 7:
                return "REDIRECT";
            default:
                return Integer.toString(c);
        }
    }

    private static String hook(Hook h) {
        return h == Hook.INGRESS ? "ingress" : "egress";
    }

    private static String num(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** Copies the bundled example and its objects out of the jar into a temporary directory. */
    static Path extractBundled() throws IOException {
        Path dir = Files.createTempDirectory("ebpf-jvm-run");
        List<String> files = new ArrayList<>(List.of(BUNDLED_OBJECTS));
        files.add("example.yaml");
        for (String f : files) {
            try (InputStream in = RunCommand.class.getResourceAsStream("/run/" + f)) {
                if (in == null) {
                    throw new IOException("missing from the build: run/" + f);
                }
                Files.copy(in, dir.resolve(f));
            }
        }
        return dir;
    }

    /** {@return the bundled example's text} */
    static String bundledText() throws IOException {
        try (InputStream in = RunCommand.class.getResourceAsStream("/run/example.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live progress line: only on a terminal, only once a run has taken a second. */
    static final class Progress {
        private final Thread thread;

        private Progress(Thread thread) {
            this.thread = thread;
        }

        static Progress start(TopologyRunner r, PrintWriter err) {
            if (!onTerminal()) {
                return new Progress(null);
            }
            long total = r.total();
            long start = System.nanoTime();
            Thread t = new Thread(
                    () -> {
                        boolean shown = false;
                        try {
                            while (true) {
                                Thread.sleep(shown ? 250 : 1000);
                                long done = r.packetsDone();
                                double s = (System.nanoTime() - start) / 1e9;
                                long drops = 0;
                                for (var d : r.runtime().network().devices()) {
                                    drops += d.counters().rxDropped()
                                            + d.counters().txDropped();
                                }
                                err.printf(
                                        Locale.ROOT,
                                        "\r%,d / %,d packets, %,.0f packets/s, %,d dropped   ",
                                        done,
                                        total,
                                        done / s,
                                        drops);
                                err.flush();
                                shown = true;
                            }
                        } catch (InterruptedException e) {
                            if (shown) {
                                err.print("\r\033[K");
                                err.flush();
                            }
                        }
                    },
                    "run-progress");
            t.setDaemon(true);
            t.start();
            return new Progress(t);
        }

        /**
         * {@return whether the tool talks to a terminal} Since JDK 22 {@code System.console()} exists
         * even when the streams are redirected, and {@code Console.isTerminal()} tells.
         */
        static boolean onTerminal() {
            java.io.Console c = System.console();
            if (c == null) {
                return false;
            }
            try {
                return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
            } catch (NoSuchMethodException e) {
                return true;
            } catch (ReflectiveOperationException e) {
                return false;
            }
        }

        void stop() {
            if (thread != null) {
                thread.interrupt();
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
