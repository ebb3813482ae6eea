/**
 * The helper functions both engines call, one class per family, each a set of
 * {@link dev.ebpfjvm.core.exec.Helper} implementations with the kernel's semantics and error
 * returns: {@link dev.ebpfjvm.core.helpers.MapHelpers} for maps and ring buffers, and the skb,
 * checksum, redirect, print, string, loop and lock helpers of tc programs;
 * {@link dev.ebpfjvm.core.helpers.TcHelpers#registry()} gathers them under their uapi
 * {@code BPF_FUNC_*} ids. {@link dev.ebpfjvm.core.helpers.HelperId} is the table of kernel helper
 * ids and names (for the disassembler, the verifier's prototypes and later helper families).
 */
package dev.ebpfjvm.core.helpers;
