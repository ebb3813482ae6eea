/**
 * The {@code ebpf-jvm} command-line tool ({@link dev.ebpfjvm.cli.Main}): {@code conformance},
 * {@code dump}, {@code object}, {@code scenario} and {@code test-run}, parsed with picocli, with the
 * kernel oracle's test-run JSON and the tcx recorder's scenario JSON read and written with Jackson.
 * Exit codes: 0 success, 1 bad input or a failed run, 2 a usage error.
 */
package dev.ebpfjvm.cli;
