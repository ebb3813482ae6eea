/**
 * The {@code ebpf-jvm} command-line tool ({@link dev.ebpfjvm.cli.Main}): picocli commands over the
 * core and the JIT, with Jackson for the oracles' JSON. Nothing is exported; the command package is
 * open to picocli, which reads and sets the annotated fields of the commands, and to Jackson.
 */
module dev.ebpfjvm.cli {
    requires dev.ebpfjvm.core;
    requires dev.ebpfjvm.jit;
    requires info.picocli;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;

    opens dev.ebpfjvm.cli to
            info.picocli,
            com.fasterxml.jackson.databind;
}
