package dev.ebpfjvm.cli;

import dev.ebpfjvm.core.EbpfException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code ebpf-jvm} command-line tool: {@code java -jar cli/target/ebpf-jvm.jar COMMAND …}.
 *
 * <p>Exit codes, the same for every command: 0 success, 1 the input was bad or the run failed
 * ({@link #FAILED}), 2 the command line itself is wrong ({@link #USAGE}). An error is one line on
 * stderr, {@code ebpf-jvm COMMAND: FILE: reason}, naming the file, section or program; a usage
 * error adds the command's synopsis and where to find its help.
 */
@Command(
        name = "ebpf-jvm",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Runs eBPF programs on the JVM: an interpreter and a JIT to JVM bytecode, an ELF loader"
                + " with libbpf's conventions, maps, tc helpers and BPF_PROG_TEST_RUN.",
        subcommands = {
            ConformanceCommand.class,
            DumpCommand.class,
            ObjectCommand.class,
            RunCommand.class,
            ScenarioCommand.class,
            TestRunCommand.class,
            VerifyCommand.class,
            CommandLine.HelpCommand.class
        },
        synopsisSubcommandLabel = "COMMAND",
        footer = {
            "",
            "Run 'ebpf-jvm COMMAND --help' for a command's options.",
            "Exit codes: 0 success, 1 bad input or a failed run, 2 a usage error."
        })
public final class Main implements Runnable {
    /** The exit code of bad input (a file that does not read or parse) or a failed run. */
    public static final int FAILED = 1;
    /** The exit code of a wrong command line. */
    public static final int USAGE = 2;

    @Spec
    private CommandSpec spec;

    private Main() {}

    /** Runs the tool and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the tool and returns its exit code: 0 success, 1 failure, 2 usage error. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cli = new CommandLine(new Main());
        cli.registerConverter(java.nio.file.Path.class, Inputs::path);
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler(Main::failure);
        int code = cli.execute(args);
        outWriter.flush();
        errWriter.flush();
        return code;
    }

    /** Without a command: a usage error that lists the commands. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing COMMAND");
    }

    /** Prints a usage error: the reason, the command's synopsis, and where its help is. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message = e.getMessage();
        if (cmd.getCommandSpec().parent() == null && e instanceof CommandLine.UnmatchedArgumentException) {
            List<String> unmatched = ((CommandLine.UnmatchedArgumentException) e).getUnmatched();
            if (!unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
                message = "unknown command '" + unmatched.get(0) + "'";
            }
        }
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + message);
        err.print("Usage: " + cmd.getHelp().synopsis(0));
        if (cmd.getCommandSpec().parent() == null) {
            err.print("Commands:\n" + cmd.getHelp().commandList());
        }
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        return USAGE;
    }

    /** Prints a failure as one line: {@code ebpf-jvm COMMAND: what: why}. */
    private static int failure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        String message;
        if (e instanceof CliException || e instanceof EbpfException) {
            message = e.getMessage();
        } else {
            // Never expected: a bug in ebpf-jvm. Still one line, with what the JDK said.
            message = "internal error (" + e.getClass().getSimpleName() + "): " + e.getMessage();
        }
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine(message));
        return FAILED;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", "; ");
    }

    /** The version: the jar's implementation version, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"ebpf-jvm " + (v != null ? v : "(development build)")};
        }
    }
}
