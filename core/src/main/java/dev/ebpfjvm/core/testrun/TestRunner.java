package dev.ebpfjvm.core.testrun;

import dev.ebpfjvm.core.elf.GlobalVariable;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.elf.ProgramSpec;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Environment;
import dev.ebpfjvm.core.helpers.TcHelpers;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.maps.MapException;
import dev.ebpfjvm.core.maps.ProgArrayMap;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.runtime.BpfObject;
import dev.ebpfjvm.core.runtime.BpfProgram;
import dev.ebpfjvm.core.runtime.BpfRuntime;
import dev.ebpfjvm.core.runtime.LoadOptions;
import dev.ebpfjvm.core.runtime.SkBuffFields;
import dev.ebpfjvm.core.runtime.TestRun;
import dev.ebpfjvm.core.runtime.TestRunException;
import dev.ebpfjvm.core.runtime.TestRunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Test runs of one object's tc programs, the equivalent of the kernel oracle's {@code case}
 * command: each case loads the object afresh (maps empty or at their initial values, with the
 * case's global variables set before load), applies the case's map updates, runs the program once
 * on the skb {@link SkbTestRun} builds, and returns what the oracle prints: {@code retval},
 * {@code retval_s32}, {@code data_out}, {@code data_size_out}, {@code ctx_out} and every map, or
 * {@code error}/{@code error_name} and the maps when the kernel would refuse the run.
 *
 * <p>The output packet buffer is the oracle's: the input length plus 512 bytes. With a repeat
 * count, the case also reports {@code duration_ns}: after the run that produces the result, the
 * program runs N times untimed (warm-up) and N times timed, on the same skb and maps, and the mean
 * of the timed runs is reported. The environment's trace sink sees the {@code bpf_trace_printk}
 * lines of the first run only, so a case prints its trace once whatever the repeat count.
 */
public final class TestRunner {
    /** The oracle's {@code data_size_out}: the input length plus this many bytes. */
    public static final int DATA_OUT_SLACK = 512;

    private static final List<String> CTX_OUT = List.of(
            "mark", "priority", "ingress_ifindex", "ifindex", "tstamp", "cb", "wire_len", "gso_segs", "hwtstamp");

    private final ObjectSpec spec;
    private final Engine engine;
    private final Environment environment;
    private final long budget;
    private final boolean verify;

    /** The budget of each run unless told otherwise: 2^31 budget points, each a function entry or a loop iteration. */
    public static final long DEFAULT_BUDGET = 1L << 31;

    /**
     * A runner whose runs have the {@link #DEFAULT_BUDGET}.
     *
     * @param spec the object
     * @param engine the engine programs run on
     * @param environment the clocks, random source and trace sink of the runs
     */
    public TestRunner(ObjectSpec spec, Engine engine, Environment environment) {
        this(spec, engine, environment, DEFAULT_BUDGET);
    }

    /**
     * @param spec the object
     * @param engine the engine programs run on
     * @param environment the clocks, random source and trace sink of the runs
     * @param budget the instruction budget of each run ({@link dev.ebpfjvm.core.exec.ProgramContext#setBudget});
     *     a run that exhausts it is a program fault
     */
    public TestRunner(ObjectSpec spec, Engine engine, Environment environment, long budget) {
        this(spec, engine, environment, budget, true);
    }

    /**
     * @param verify false to load the object without the verifier (an explicit opt-in for programs
     *     the kernel refuses; the budget then is what stops one that never ends)
     */
    public TestRunner(ObjectSpec spec, Engine engine, Environment environment, long budget, boolean verify) {
        this.verify = verify;
        this.spec = Objects.requireNonNull(spec, "spec");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.environment = Objects.requireNonNull(environment, "environment");
        if (budget < 0) {
            throw new IllegalArgumentException("negative budget: " + budget);
        }
        this.budget = budget;
    }

    /**
     * Runs one case.
     *
     * @param repeat 0 for a plain run, or the number of runs to time
     * @return the result as a JSON object (maps, lists, strings, longs)
     * @throws TestCaseException when the case names an unknown program, map or global, or gives a
     *     key or value of the wrong size
     */
    public Map<String, Object> run(TestCase c, int repeat) {
        boolean[] timing = new boolean[1];
        Environment once = new Environment(
                environment.monotonicNanos(),
                environment.bootNanos(),
                environment.random(),
                line -> {
                    if (!timing[0]) {
                        environment.trace().accept(line);
                    }
                },
                environment.cpus());
        try (BpfRuntime runtime =
                        BpfRuntime.builder().environment(once).budget(budget).build();
                BpfObject obj = load(runtime, c)) {
            setUpMaps(c, obj);
            BpfProgram program = program(c, obj);
            Map<String, Object> result = new LinkedHashMap<>();
            TestRun first;
            TestRunResult r;
            try {
                first = new TestRun(
                        c.dataIn(), SkBuffFields.fromStruct(c.ctxIn()), 0, c.dataIn().length + DATA_OUT_SLACK);
                r = program.testRun(first);
            } catch (TestRunException e) {
                return failed(result, e.errno().negative(), obj);
            }
            result.put("retval", r.retval());
            result.put("retval_s32", (long) r.retvalS32());
            result.put("data_out", HexFormat.of().formatHex(r.data()));
            result.put("data_size_out", (long) r.data().length);
            result.put("ctx_out", ctxOut(r.ctx().toStruct()));
            Map<String, Object> maps = maps(obj);
            if (repeat > 0) {
                timing[0] = true; // trace lines are the result run's only, as once per case
                result.put(
                        "duration_ns",
                        program.testRun(first.withRepeat(repeat).withDataSizeOut(0))
                                .durationNs()
                                .orElseThrow());
            }
            result.put("maps", maps);
            return result;
        }
    }

    private BpfObject load(BpfRuntime runtime, TestCase c) {
        LoadOptions options = LoadOptions.defaults().engine(engine).helpers(TcHelpers.registry());
        if (!verify) {
            options = options.unverified();
        }
        for (Map.Entry<String, byte[]> g : c.globals().entrySet()) {
            GlobalVariable var = spec.global(g.getKey())
                    .orElseThrow(() -> new TestCaseException(
                            c.name() + ": setup.globals: no global variable '" + g.getKey() + "'"));
            if (g.getValue().length > var.size()) {
                throw new TestCaseException(c.name() + ": setup.globals: '" + g.getKey() + "' has " + var.size()
                        + " bytes, got " + g.getValue().length);
            }
            options = options.global(g.getKey(), g.getValue());
        }
        return runtime.load(spec, options);
    }

    private void setUpMaps(TestCase c, BpfObject obj) {
        for (TestCase.MapSetup s : c.maps()) {
            BpfMap map = obj.maps().get(s.map());
            String where = c.name() + ": setup.maps: map '" + s.map() + "'";
            if (map == null) {
                throw new TestCaseException(
                        where + " not found (have " + obj.maps().keySet() + ")");
            }
            if (s.key().length != map.keySize()) {
                throw new TestCaseException(
                        where + ": key of " + s.key().length + " bytes, the map's are " + map.keySize());
            }
            try {
                if (s.prog() != null) {
                    if (!(map instanceof ProgArrayMap)) {
                        throw new TestCaseException(where + ": \"prog\" needs a prog array");
                    }
                    ((ProgArrayMap) map)
                            .set(
                                    (int) LittleEndian.getU32(s.key(), 0),
                                    programNamed(c, obj, s.prog()).executable());
                } else if (map.isPerCpu() && s.value().length == map.valueSize()) {
                    byte[][] all = new byte[map.cpus()][];
                    java.util.Arrays.fill(all, s.value());
                    map.updatePerCpu(s.key(), all, s.flags());
                } else {
                    if (s.value().length != map.valueSize()) {
                        throw new TestCaseException(
                                where + ": value of " + s.value().length + " bytes, the map's are " + map.valueSize());
                    }
                    map.update(s.key(), s.value(), s.flags());
                }
            } catch (MapException e) {
                throw new TestCaseException(where + ": update failed: " + e.getMessage(), e);
            }
        }
    }

    private BpfProgram program(TestCase c, BpfObject obj) {
        return programNamed(c, obj, c.prog());
    }

    /** A program by function name, or by its section name when exactly one program has it (as the oracle). */
    private BpfProgram programNamed(TestCase c, BpfObject obj, String name) {
        BpfProgram e = obj.programs().get(name);
        if (e != null) {
            return e;
        }
        List<String> bySection = new ArrayList<>();
        for (ProgramSpec p : spec.programs()) {
            if (p.section().equals(name)) {
                bySection.add(p.name());
            }
        }
        if (bySection.size() == 1 && obj.programs().containsKey(bySection.get(0))) {
            return obj.programs().get(bySection.get(0));
        }
        String named = bySection.size() == 1 ? bySection.get(0) : name;
        Optional<String> unsupported = spec.program(named).flatMap(ProgramSpec::unsupportedReason);
        if (unsupported.isPresent()) {
            throw new TestCaseException(c.name() + ": program '" + named + "' cannot run: " + unsupported.get());
        }
        throw new TestCaseException(
                c.name() + ": no program '" + name + "' (have " + obj.programs().keySet() + ")");
    }

    private Map<String, Object> failed(Map<String, Object> result, long error, BpfObject obj) {
        result.put("error", error);
        result.put("error_name", errorName(error));
        result.put("maps", maps(obj));
        return result;
    }

    /** {@return the C library's text for an errno, as the oracle's {@code os.strerror()} prints it} */
    static String errorName(long error) {
        switch ((int) -error) {
            case 19:
                return "No such device";
            case 22:
                return "Invalid argument";
            case 28:
                return "No space left on device";
            default:
                return "Unknown error " + -error;
        }
    }

    private static Map<String, Object> ctxOut(byte[] c) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : CTX_OUT) {
            dev.ebpfjvm.core.skb.SkBuffField f =
                    dev.ebpfjvm.core.skb.SkBuffField.valueOf(name.toUpperCase(java.util.Locale.ROOT));
            if (f == dev.ebpfjvm.core.skb.SkBuffField.CB) {
                List<Object> cb = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    cb.add(LittleEndian.getU32(c, f.offset() + 4 * i));
                }
                out.put(name, cb);
            } else {
                long v = f.size() == 8 ? LittleEndian.getU64(c, f.offset()) : LittleEndian.getU32(c, f.offset());
                out.put(name, f.size() == 8 && v < 0 ? new java.math.BigInteger(Long.toUnsignedString(v)) : (Object) v);
            }
        }
        return out;
    }

    private Map<String, Object> maps(BpfObject obj) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, BpfMap> e : obj.maps().entrySet()) {
            String name = e.getKey();
            boolean data = name.startsWith(".");
            List<MapDump.Var> vars = new ArrayList<>();
            if (data) {
                for (GlobalVariable g : spec.globals()) {
                    if (g.section().equals(name)) {
                        vars.add(new MapDump.Var(g.name(), g.offset(), g.size()));
                    }
                }
                vars.sort(Comparator.comparing(MapDump.Var::name));
            }
            out.put(name, MapDump.dump(e.getValue(), data ? name : null, vars));
        }
        return out;
    }
}
