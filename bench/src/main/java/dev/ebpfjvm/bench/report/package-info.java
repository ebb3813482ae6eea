/**
 * Markdown tables from JMH's CSV results, beside the native timings of testdata/bench (uBPF's
 * interpreter and JIT, the Linux JIT).
 */
package dev.ebpfjvm.bench.report;
