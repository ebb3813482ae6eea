/**
 * The benchmarked programs and their inputs: testdata/bench's micro programs, our own assembled
 * programs and clang-compiled testdata fixtures, each opened as a fresh
 * {@link dev.ebpfjvm.bench.workload.Instance} on an engine.
 */
package dev.ebpfjvm.bench.workload;
