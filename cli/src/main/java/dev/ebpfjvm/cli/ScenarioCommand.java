package dev.ebpfjvm.cli;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.net.ChainCompiler;
import dev.ebpfjvm.core.net.scenario.Scenario;
import dev.ebpfjvm.core.net.scenario.ScenarioDocuments;
import dev.ebpfjvm.core.net.scenario.ScenarioReplayer;
import dev.ebpfjvm.core.net.scenario.Step;
import dev.ebpfjvm.jit.chain.ChainDispatchers;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scenario FILE.json --object OBJ.o [--engine NAME]}: replays tcx control-plane scenarios as
 * shared/tools/tcx-oracle/record.py does on a kernel, and prints the recorder's JSON, the input
 * with a {@code result} in every step, so that it compares field by field with a recording. Each
 * scenario runs on a fresh network with veth0-veth1 and veth2-veth3; each of its programs is a load
 * of OBJ's {@code tcx_count} with {@code .rodata} {@code cfg} set, the {@code counters} and
 * {@code trace} maps shared by the loads ({@link ScenarioReplayer}). With the JIT, chains run
 * through the compiled dispatchers ({@link ChainDispatchers}); with another engine, through a
 * loop over the programs.
 *
 * <p>The output's {@code meta} says what produced it, in place of the recorder's kernel release:
 * {@code generator} ({@code "ebpf-jvm"}), {@code version}, {@code engine}, {@code chains}
 * ({@code "dispatcher"} or {@code "loop"}), {@code program_object} (OBJ as given),
 * {@code ret_codes} (as the recorder's) and {@code scenario_count}.
 */
@Command(
        name = "scenario",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Replays tcx scenarios (attach, detach, query, links, classic filters, device removal,"
                    + " test frames) in the tcx-oracle format and prints them with a result in every step, as the"
                    + " kernel recorder does.",
            "FILE.json is a list of scenarios or {\"meta\": ..., \"scenarios\": [...]}; meta is ignored."
        },
        footer = {
            "",
            "Exit codes: 0 every scenario ran (a kernel refusal such as EEXIST is a result), 1 a bad"
                    + " file or object, 2 a usage error."
        })
final class ScenarioCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE.json", description = "the scenarios, in the tcx-oracle format")
    private Path file;

    @Option(
            names = "--object",
            paramLabel = "OBJ.o",
            required = true,
            description = "the scenario object: a tc program 'tcx_count' with a .rodata 'cfg' and maps 'counters'"
                    + " and 'trace' (as testdata/net/tcx_count.o)")
    private Path object;

    @Mixin
    private EngineOption engine;

    @Override
    public Integer call() {
        ScenarioFile scenarios = ScenarioFile.parse(file.toString(), Inputs.text(file, "a JSON scenario file"));
        ObjectSpec objectSpec = Inputs.object(object);
        if (objectSpec.program(ScenarioReplayer.PROGRAM).isEmpty()) {
            throw new CliException(object + ": no program '" + ScenarioReplayer.PROGRAM + "' (the scenario program)");
        }
        if (objectSpec.global("cfg").isEmpty()) {
            throw new CliException(object + ": no global 'cfg' (the scenario program's configuration)");
        }
        Engine e = new NamingEngine(engine.engine());
        boolean dispatcher = engine.engine().name().equals("jit");
        ChainCompiler chains = dispatcher ? ChainDispatchers.INSTANCE : ChainCompiler.LOOP;
        ScenarioReplayer replayer;
        try {
            replayer = new ScenarioReplayer(objectSpec, e, chains);
        } catch (IllegalArgumentException ex) {
            throw new CliException(object + ": " + ex.getMessage(), ex);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("generator", "ebpf-jvm");
        meta.put("version", new Main.Version().getVersion()[0].substring("ebpf-jvm ".length()));
        meta.put("engine", engine.engine().name());
        meta.put("chains", dispatcher ? "dispatcher" : "loop");
        meta.put("program_object", object.toString());
        Map<String, Object> codes = new LinkedHashMap<>();
        for (String c : List.of("NEXT", "PASS", "DROP", "REDIRECT")) {
            codes.put(c, (long) Scenario.code(c));
        }
        meta.put("ret_codes", codes);
        Map<String, Object> out;
        try {
            out = ScenarioDocuments.replay(scenarios.tree(), replayer, meta);
        } catch (RuntimeException ex) {
            throw where(scenarios, replayer, ex);
        }
        spec.commandLine().getOut().println(ResultJson.write(out));
        return 0;
    }

    /**
     * Finds the step a replay failed at, replaying each scenario and then each prefix of the one
     * that fails, and names it: a step the checks of {@link ScenarioFile} let through but the
     * replay cannot run (a link whose creation failed, a device removed before a filter is added).
     */
    private CliException where(ScenarioFile scenarios, ScenarioReplayer replayer, RuntimeException failure) {
        for (Scenario sc : scenarios.scenarios()) {
            if (fails(replayer, sc) == null) {
                continue;
            }
            for (int k = 1; k <= sc.steps().size(); k++) {
                RuntimeException ex = fails(
                        replayer,
                        new Scenario(
                                sc.name(),
                                sc.description(),
                                sc.progs(),
                                sc.steps().subList(0, k)));
                if (ex != null) {
                    Step st = sc.steps().get(k - 1);
                    return new CliException(
                            file + ": scenario '" + sc.name() + "' step " + (k - 1) + " (" + st.op()
                                    + "): cannot be replayed: " + reason(ex),
                            ex);
                }
            }
            return new CliException(
                    file + ": scenario '" + sc.name() + "': cannot be replayed: " + reason(failure), failure);
        }
        return new CliException(file + ": cannot be replayed: " + reason(failure), failure);
    }

    private static RuntimeException fails(ScenarioReplayer replayer, Scenario sc) {
        try {
            replayer.replay(sc);
            return null;
        } catch (RuntimeException ex) {
            return ex;
        }
    }

    private static String reason(RuntimeException ex) {
        if (ex instanceof EbpfException || ex instanceof CliException || ex instanceof IllegalArgumentException) {
            return ex.getMessage();
        }
        if (ex instanceof NullPointerException) {
            return "it refers to a link or device that does not exist at that point";
        }
        return ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
    }
}
