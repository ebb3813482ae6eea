package dev.ebpfjvm.cli;

import dev.ebpfjvm.core.EbpfException;
import java.io.PrintStream;
import java.util.List;

/** The {@code ebpf-jvm} command-line tool: {@code java -jar cli/target/ebpf-jvm.jar COMMAND …}. */
public final class Main {
    private static final List<Command> COMMANDS = List.of(
            new ConformanceCommand(),
            new DumpCommand(),
            new ObjectCommand(),
            new TestRunCommand()
    );

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the tool and returns its exit code: 0 success, 1 failure, 2 usage error. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            printHelp(args.length == 0 ? err : out);
            return args.length == 0 ? 2 : 0;
        }
        Command command = COMMANDS.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
        if (command == null) {
            err.println("ebpf-jvm: unknown command '" + args[0] + "'");
            printHelp(err);
            return 2;
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            return command.run(rest, out, err);
        } catch (UsageException e) {
            err.println("ebpf-jvm " + command.name() + ": " + e.getMessage());
            err.println("usage: ebpf-jvm " + command.usage());
            return 2;
        } catch (EbpfException e) {
            err.println("ebpf-jvm " + command.name() + ": " + e.getMessage());
            return 1;
        } catch (java.io.IOException e) {
            err.println("ebpf-jvm " + command.name() + ": " + e);
            return 1;
        } catch (Exception e) {
            err.println("ebpf-jvm " + command.name() + ": internal error: " + e);
            return 1;
        }
    }

    private static void printHelp(PrintStream out) {
        out.println("usage: java -jar ebpf-jvm.jar COMMAND [ARGS]");
        out.println();
        out.println("commands:");
        for (Command c : COMMANDS) {
            out.printf("  %-60s %s%n", c.usage(), c.summary());
        }
    }
}
