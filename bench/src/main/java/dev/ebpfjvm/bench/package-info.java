/**
 * JMH benchmarks of ebpf-jvm: {@link dev.ebpfjvm.bench.EngineBench} times one run of every
 * workload on the interpreter and the JIT. {@code bench/run.sh} runs it with the load → first-run
 * measurement ({@link dev.ebpfjvm.bench.firstrun}) and prints markdown tables
 * ({@link dev.ebpfjvm.bench.report}).
 */
package dev.ebpfjvm.bench;
