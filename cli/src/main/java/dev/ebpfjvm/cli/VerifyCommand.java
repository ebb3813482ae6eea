package dev.ebpfjvm.cli;

import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.elf.ProgramSpec;
import dev.ebpfjvm.core.verifier.VerifiedProgram;
import dev.ebpfjvm.core.verifier.Verifier;
import dev.ebpfjvm.core.verifier.VerifierException;
import dev.ebpfjvm.core.verifier.VerifierInputs;
import dev.ebpfjvm.core.verifier.VerifierOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verify FILE.o [--program NAME] [--log-level 1|2]}: the verifier's verdict on every
 * program of an object (or one), as the kernel's {@code BPF_PROG_LOAD} would give it for a
 * privileged loader, with the log of a rejection in the kernel's style and its statistics line.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Verifies the programs of a BPF object as the Linux verifier does for a privileged loader",
            "(CAP_BPF, CAP_PERFMON, CAP_NET_ADMIN) and prints each verdict; a rejection comes with its log."
        },
        footer = {
            "",
            "Exit codes: 0 every program accepted, 1 a program rejected (the verdicts on stdout) or the file",
            "is no readable object (one line on stderr), 2 a usage error."
        })
final class VerifyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE.o", description = "a BPF object compiled by clang -target bpf")
    private Path file;

    @Option(names = "--program", paramLabel = "NAME", description = "verify only this program (its C function name)")
    private String program;

    @Option(
            names = "--log-level",
            paramLabel = "LEVEL",
            defaultValue = "1",
            description = "1: the path to an error (default); 2: every instruction with its register states")
    private int logLevel;

    @Override
    public Integer call() {
        if (logLevel < 1 || logLevel > 2) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--log-level is 1 or 2, not " + logLevel);
        }
        ObjectSpec object = Inputs.object(file);
        PrintWriter out = spec.commandLine().getOut();
        boolean rejected = false;
        for (ProgramSpec p : selected(object)) {
            if (!p.supported()) {
                out.println(
                        p.name() + ": not verified: " + p.unsupportedReason().orElse("unsupported"));
                continue;
            }
            try {
                VerifiedProgram v =
                        Verifier.verify(VerifierInputs.of(object, p.name(), VerifierOptions.logLevel(logLevel)));
                out.println(p.name() + ": accepted (" + v.stats().line() + ")");
                if (logLevel == 2) {
                    v.log().forEach(line -> out.println("  " + line));
                }
            } catch (VerifierException e) {
                rejected = true;
                out.println(p.name() + ": rejected: " + e.reason());
                e.log().forEach(line -> out.println("  " + line));
            }
        }
        return rejected ? Main.FAILED : 0;
    }

    private List<ProgramSpec> selected(ObjectSpec object) {
        if (program == null) {
            return object.programs();
        }
        List<ProgramSpec> one = new ArrayList<>();
        object.program(program).ifPresentOrElse(one::add, () -> {
            throw new CliException(file + ": no program '" + program + "' (have "
                    + object.programs().stream().map(ProgramSpec::name).toList() + ")");
        });
        return one;
    }
}
