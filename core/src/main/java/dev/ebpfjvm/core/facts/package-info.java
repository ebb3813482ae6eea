/**
 * The verifier → JIT contract: what an engine may rely on about each instruction of a program
 * (the region every load, store and atomic accesses). The verifier produces these facts; without
 * one, the JIT infers a conservative subset itself. Both sides live above this package, so the
 * contract sits in core where the verifier can produce it without depending upward.
 */
package dev.ebpfjvm.core.facts;
