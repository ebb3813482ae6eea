/**
 * The JMH benchmarks of ebpf-jvm. An open module: JMH (the automatic module {@code jmh.core})
 * generates its harness classes into the benchmark packages and reflects on the {@code @State}
 * classes and {@code @Param} fields, so every package is open to it; the report and first-run
 * tools are run with {@code java -cp bench/target/benchmarks.jar}.
 */
open module dev.ebpfjvm.bench {
    requires dev.ebpfjvm.core;
    requires dev.ebpfjvm.jit;
    requires jmh.core;
}
