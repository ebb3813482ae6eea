package dev.ebpfjvm.cli;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.btf.BtfSpec;
import dev.ebpfjvm.core.conformance.ConformanceReader;
import dev.ebpfjvm.core.conformance.ConformanceRunner;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.elf.ProgramSpec;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.helpers.HelperId;
import dev.ebpfjvm.core.helpers.MapHelpers;
import dev.ebpfjvm.core.isa.Assembler;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.load.LoadedObject;
import dev.ebpfjvm.core.load.ObjectLoader;
import dev.ebpfjvm.core.maps.PinRegistry;
import dev.ebpfjvm.jit.JitCompiler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dump FILE.o [--section S | --program NAME] (--xlated [--linum] [--opcodes] | --jited)} and
 * {@code dump --asm FILE (--xlated | --jited)}: prints programs as the engines receive them — an
 * object's after loading (maps created, references resolved), an assembler file or a conformance
 * test's {@code -- asm} block as written — either as {@code bpftool prog dump xlated} prints
 * instructions ({@link XlatedListing}) or as the JIT's bytecode with each instruction above the
 * code it became. Without a selection every program of the object that ebpf-jvm runs is printed
 * (each under a {@code program NAME (section S):} header when there are several), and the others
 * are named on stderr. Exits 0, or 1 when the file does not read or load or selects nothing.
 */
@Command(
        name = "dump",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Prints a program's instructions as bpftool prog dump xlated does (--xlated), or the JVM"
                    + " bytecode the JIT makes of it (--jited).",
            "An object's programs are shown after loading, with map references as bpftool shows them"
                    + " (map[id:N], map[id:N][0]+off); an object with BTF adds function signatures and C source lines."
        },
        footer = {
            "",
            "Exit codes: 0 printed, 1 the file does not read or load or the selection matches nothing,"
                    + " 2 a usage error."
        })
final class DumpCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE.o", arity = "0..1", description = "a BPF object")
    private Path object;

    @Option(
            names = "--asm",
            paramLabel = "FILE",
            description = "dump a program in the conformance assembler syntax instead: a .asm file, or a"
                    + " conformance test (.data) whose -- asm (or -- raw) block is the program")
    private Path asm;

    @ArgGroup(exclusive = true)
    private Selection selection;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Format format;

    @Option(names = "--linum", description = "with --xlated: add the file, line and column of each C source line")
    private boolean linum;

    @Option(names = "--opcodes", description = "with --xlated: add each instruction's bytes")
    private boolean opcodes;

    /** Which programs of an object. */
    static final class Selection {
        @Option(
                names = "--section",
                paramLabel = "S",
                description = "the programs of one ELF section (tc, tcx/ingress...)")
        String section;

        @Option(
                names = "--program",
                paramLabel = "NAME",
                description = "one program, by function name (or by section name when one program has it)")
        String program;
    }

    /** What to print. */
    static final class Format {
        @Option(names = "--xlated", required = true, description = "the instructions, as bpftool prog dump xlated")
        boolean xlated;

        @Option(names = "--jited", required = true, description = "the JIT's bytecode, each instruction above its code")
        boolean jited;
    }

    @Override
    public Integer call() {
        checkArguments();
        PrintWriter out = spec.commandLine().getOut();
        List<Dumped> programs = asm != null ? List.of(assemble(asm)) : load(object);
        for (int i = 0; i < programs.size(); i++) {
            Dumped d = programs.get(i);
            if (programs.size() > 1) {
                out.println((i > 0 ? "\n" : "") + "program " + d.program.name()
                        + (d.spec != null ? " (section " + d.spec.section() + ")" : "") + ":");
            }
            out.print(format.jited ? jited(d) : xlated(d));
        }
        out.flush();
        return 0;
    }

    private void checkArguments() {
        if ((asm == null) == (object == null)) {
            throw new ParameterException(
                    spec.commandLine(),
                    asm == null ? "missing FILE.o (or --asm FILE)" : "give an object or --asm FILE, not both");
        }
        if (asm != null && selection != null) {
            throw new ParameterException(
                    spec.commandLine(), "--section and --program select programs of an object," + " not of --asm");
        }
        if (format.jited && (linum || opcodes)) {
            throw new ParameterException(spec.commandLine(), (linum ? "--linum" : "--opcodes") + " goes with --xlated");
        }
    }

    private String xlated(Dumped d) {
        if (d.spec == null) {
            return XlatedListing.render(
                    d.program.insns(), null, List.of(), List.of(), linum, opcodes, DumpCommand::helperName);
        }
        return XlatedListing.render(
                d.program.insns(),
                d.btf,
                d.spec.funcInfos(),
                d.spec.lineInfos(),
                linum,
                opcodes,
                DumpCommand::helperName);
    }

    private String jited(Dumped d) {
        try {
            return new JitCompiler().dump(d.program);
        } catch (EbpfException e) {
            throw new CliException(d.where() + ": the JIT rejects it: " + e.getMessage(), e);
        }
    }

    /** A program to print: as the engines receive it, with its spec when it comes from an object. */
    private record Dumped(Program program, ProgramSpec spec, BtfSpec btf, Path file) {
        String where() {
            return file + ": program '" + program.name() + "'"
                    + (spec != null ? " (section '" + spec.section() + "')" : "");
        }
    }

    /** An assembler file, or the program of a conformance test ({@code .data}). */
    private static Dumped assemble(Path file) {
        String name = file.getFileName().toString();
        String text = Inputs.text(file, "assembler text");
        Instructions insns;
        try {
            insns = name.endsWith(".data") ? ConformanceReader.parse(name, text).program() : Assembler.assemble(text);
        } catch (EbpfException e) {
            throw new CliException(file + ": " + e.getMessage(), e);
        }
        if (insns.size() == 0) {
            throw new CliException(file + ": no instructions");
        }
        return new Dumped(new Program(name, insns, ConformanceRunner.HELPERS), null, null, file);
    }

    /** Loads the object with an engine that keeps each relocated program, and picks the selected ones. */
    private List<Dumped> load(Path file) {
        ObjectSpec objectSpec = Inputs.object(file);
        List<ProgramSpec> chosen = select(file, objectSpec);
        Map<String, Program> relocated = new LinkedHashMap<>();
        ObjectLoader loader = ObjectLoader.builder()
                .engine(new Recorder(relocated))
                .helpers(everyHelper())
                .pins(new PinRegistry())
                .cpus(1)
                .build();
        try (LoadedObject loaded = loader.load(objectSpec)) {
            List<Dumped> out = new ArrayList<>();
            for (ProgramSpec p : chosen) {
                Program program = relocated.get(p.name());
                Program shown = new Program(
                        program.name(),
                        XlatedListing.withMapIds(program.insns(), loaded.maps().values()),
                        program.helpers());
                out.add(new Dumped(format.jited ? program : shown, p, objectSpec.btf(), file));
            }
            return out;
        } catch (EbpfException e) {
            throw new CliException(file + ": " + e.getMessage(), e);
        }
    }

    /** The programs --section or --program name, or every supported one (the others named on stderr). */
    private List<ProgramSpec> select(Path file, ObjectSpec objectSpec) {
        List<ProgramSpec> all = objectSpec.programs();
        List<ProgramSpec> chosen = new ArrayList<>();
        if (selection == null) {
            for (ProgramSpec p : all) {
                if (p.supported()) {
                    chosen.add(p);
                } else {
                    spec.commandLine()
                            .getErr()
                            .println(spec.qualifiedName() + ": " + file + ": skipped program '" + p.name()
                                    + "' (section '" + p.section() + "'): "
                                    + p.unsupportedReason().orElseThrow());
                }
            }
            if (chosen.isEmpty()) {
                throw new CliException(file + ": no program that ebpf-jvm runs");
            }
            return chosen;
        }
        if (selection.section != null) {
            all.stream().filter(p -> p.section().equals(selection.section)).forEach(chosen::add);
            if (chosen.isEmpty()) {
                throw new CliException(file + ": no program in section '" + selection.section + "' (sections: "
                        + String.join(
                                ", ",
                                all.stream()
                                        .map(ProgramSpec::section)
                                        .distinct()
                                        .toList()) + ")");
            }
        } else {
            all.stream().filter(p -> p.name().equals(selection.program)).forEach(chosen::add);
            if (chosen.isEmpty()) {
                List<ProgramSpec> bySection = all.stream()
                        .filter(p -> p.section().equals(selection.program))
                        .toList();
                if (bySection.size() == 1) {
                    chosen.addAll(bySection);
                }
            }
            if (chosen.isEmpty()) {
                throw new CliException(file + ": no program '" + selection.program + "' (programs: "
                        + String.join(", ", all.stream().map(ProgramSpec::name).toList()) + ")");
            }
        }
        for (ProgramSpec p : chosen) {
            if (!p.supported()) {
                throw new CliException(file + ": program '" + p.name() + "' (section '" + p.section() + "'): "
                        + p.unsupportedReason().orElseThrow());
            }
        }
        return chosen;
    }

    /**
     * {@return the map helpers, and every other helper id of uapi bpf.h bound to a stand-in that
     * faults: a dump runs nothing, so a program calling a helper ebpf-jvm lacks still prints}
     */
    private static HelperRegistry everyHelper() {
        HelperRegistry.Builder builder = HelperRegistry.builder();
        for (HelperId id : HelperId.values()) {
            builder.add(id.id(), id.kernelName(), (ctx, r1, r2, r3, r4, r5) -> {
                throw new UnsupportedFeatureException("helper " + id.cName() + " is not implemented");
            });
        }
        return MapHelpers.register(builder).build();
    }

    private static String helperName(int id) {
        HelperId helper = HelperId.ofId(id);
        return helper == null ? null : helper.cName();
    }

    /**
     * An engine that prepares nothing: it keeps each relocated program and returns a stand-in that
     * refuses to run, so that a dump shows programs an engine would reject, and loads fast.
     */
    private static final class Recorder implements Engine {
        private final Map<String, Program> relocated;

        Recorder(Map<String, Program> relocated) {
            this.relocated = relocated;
        }

        @Override
        public String name() {
            return "dump";
        }

        @Override
        public Executable load(Program program) {
            relocated.put(program.name(), program);
            return new Executable() {
                @Override
                public long execute(ProgramContext ctx, long r1, long r2, int frame) {
                    throw new UnsupportedFeatureException("a dumped program does not run");
                }

                @Override
                public Program program() {
                    return program;
                }
            };
        }
    }
}
