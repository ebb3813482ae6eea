package dev.ebpfjvm.cli;

import java.io.PrintStream;

/** One verb of the {@code ebpf-jvm} tool. */
interface Command {
    /** {@return the verb, as typed on the command line} */
    String name();

    /** {@return the usage line, without the tool name} */
    String usage();

    /** {@return one line saying what the verb does} */
    String summary();

    /**
     * Runs the verb.
     *
     * @param args the arguments after the verb
     * @return the process exit code
     * @throws UsageException when the arguments are wrong
     */
    int run(String[] args, PrintStream out, PrintStream err) throws Exception;
}
