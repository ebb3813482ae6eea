/**
 * What both engines share: the {@link dev.ebpfjvm.core.exec.Executable} contract, the per-run
 * {@link dev.ebpfjvm.core.exec.ProgramContext}, the semantic helpers of the ISA
 * ({@link dev.ebpfjvm.core.exec.Alu}), and the helper-function registry. Interpreter and JIT call
 * the same code here, so that they can only disagree where a bug is.
 *
 * <p>This package sits directly above {@code isa} and {@code memory}: helper implementations (in
 * {@code maps}, {@code skb}, {@code helpers}) take a {@code ProgramContext}, so the contract must be
 * below them.
 */
package dev.ebpfjvm.core.exec;
