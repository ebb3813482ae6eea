package dev.ebpfjvm.cli;

import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.conformance.ConformanceRunner;
import dev.ebpfjvm.core.elf.ObjectReader;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.elf.ProgramSpec;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.helpers.HelperId;
import dev.ebpfjvm.core.helpers.MapHelpers;
import dev.ebpfjvm.core.isa.Assembler;
import dev.ebpfjvm.core.isa.Disassembler;
import dev.ebpfjvm.core.load.LoadedObject;
import dev.ebpfjvm.core.load.ObjectLoader;
import dev.ebpfjvm.core.maps.PinRegistry;
import dev.ebpfjvm.jit.JitCompiler;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dump FILE.o --section S --jited|--xlated} and {@code dump --asm FILE.asm --jited|--xlated}:
 * prints the programs of an object's section after loading (maps created, references resolved to
 * addresses, as the engines see them), or a program in the conformance assembler syntax, either as
 * instructions like {@code bpftool prog dump xlated} ({@code --xlated}) or as the JIT's bytecode with
 * each instruction above the code it became ({@code --jited}). Exits 0, 1 when the file does not
 * load, 2 on wrong arguments or an unknown section.
 */
final class DumpCommand implements Command {
    @Override
    public String name() {
        return "dump";
    }

    @Override
    public String usage() {
        return "dump (FILE.o --section S | --asm FILE.asm) (--jited | --xlated)";
    }

    @Override
    public String summary() {
        return "print a program's instructions or its JIT bytecode";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws UsageException, IOException {
        Options o = Options.parse(args);
        Map<String, Program> programs = o.asm ? assemble(o.file) : load(o.file, o.section);
        for (Map.Entry<String, Program> p : programs.entrySet()) {
            out.println("program " + p.getKey() + ": " + p.getValue().insns().slotCount() + " slots");
            out.print(o.jited ? new JitCompiler().dump(p.getValue())
                    : Disassembler.dump(p.getValue().insns(), DumpCommand::helperName));
        }
        return 0;
    }

    private static Map<String, Program> assemble(Path file) throws IOException {
        String name = file.getFileName().toString();
        Program program = new Program(name, Assembler.assemble(Files.readString(file)), ConformanceRunner.HELPERS);
        return Map.of(name, program);
    }

    /** Loads the object with an engine that records each relocated program, and keeps the section's. */
    private static Map<String, Program> load(Path file, String section) throws UsageException, IOException {
        ObjectSpec spec = ObjectReader.read(file);
        List<String> names = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        for (ProgramSpec p : spec.programs()) {
            sections.add(p.section());
            if (p.section().equals(section)) {
                names.add(p.name());
            }
        }
        if (names.isEmpty()) {
            throw new UsageException("no program in section '" + section + "' (sections: " + sections + ")");
        }
        Map<String, Program> relocated = new LinkedHashMap<>();
        Engine interpreter = Engines.byName("interpreter");
        Engine recording = new Engine() {
            @Override
            public String name() {
                return interpreter.name();
            }

            @Override
            public Executable load(Program program) {
                relocated.put(program.name(), program);
                return interpreter.load(program);
            }
        };
        ObjectLoader loader = ObjectLoader.builder().engine(recording).helpers(everyHelper())
                .pins(new PinRegistry()).build();
        try (LoadedObject loaded = loader.load(spec)) {
            Map<String, Program> selected = new LinkedHashMap<>();
            for (String name : names) {
                selected.put(name, relocated.get(name));
            }
            return selected;
        }
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

    /** The parsed arguments. */
    private static final class Options {
        Path file;
        String section;
        boolean asm;
        boolean jited;
        boolean xlated;

        static Options parse(String[] args) throws UsageException {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--section": o.section = value(args, ++i, "--section"); break;
                    case "--asm": o.asm = true; o.file = Paths.get(value(args, ++i, "--asm")); break;
                    case "--jited": o.jited = true; break;
                    case "--xlated": o.xlated = true; break;
                    default:
                        if (args[i].startsWith("-") || o.file != null) {
                            throw new UsageException("unexpected argument '" + args[i] + "'");
                        }
                        o.file = Paths.get(args[i]);
                }
            }
            if (o.jited == o.xlated) {
                throw new UsageException("give one of --jited and --xlated");
            }
            if (o.file == null || !Files.isRegularFile(o.file)) {
                throw new UsageException(o.file == null ? "missing FILE" : "not a file: " + o.file);
            }
            if (!o.asm && o.section == null) {
                throw new UsageException("an object needs --section");
            }
            return o;
        }

        private static String value(String[] args, int i, String option) throws UsageException {
            if (i >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            return args[i];
        }
    }
}
