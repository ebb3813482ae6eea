/**
 * The BPF conformance suite (bpf_conformance's {@code .data} files, vendored in testdata/conformance):
 * {@link dev.ebpfjvm.core.conformance.ConformanceReader} reads a file with the suite's own parsing
 * rules into a {@link dev.ebpfjvm.core.conformance.ConformanceTest}, and
 * {@link dev.ebpfjvm.core.conformance.ConformanceRunner} runs tests on any
 * {@link dev.ebpfjvm.core.exec.Engine} with the suite's calling convention, reporting each as pass,
 * fail, error or skip.
 */
package dev.ebpfjvm.core.conformance;
