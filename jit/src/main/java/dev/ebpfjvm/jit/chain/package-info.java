/**
 * Per-revision tcx chain dispatchers: {@link dev.ebpfjvm.jit.chain.ChainDispatchers} compiles each
 * chain snapshot of a {@link dev.ebpfjvm.core.net.Network} into a small hidden class that holds the
 * chain's programs as constants and calls each at its own call site, so that C2 inlines the whole
 * chain instead of making one megamorphic call per program.
 */
package dev.ebpfjvm.jit.chain;
