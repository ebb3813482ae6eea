/**
 * Markdown tables from JMH's CSV results, beside the native timings of ../shared/bench (uBPF's
 * interpreter and JIT, the Linux JIT).
 */
package dev.ebpfjvm.bench.report;
