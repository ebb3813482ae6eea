/**
 * The interpreter engine: {@link dev.ebpfjvm.core.interp.Interpreter} decodes a program once
 * into primitive arrays ({@code DecodedProgram}) and runs it in one dispatch loop
 * ({@code InterpreterLoop}) with the Linux kernel's semantics. Everything both engines must agree
 * on lives in {@code dev.ebpfjvm.core.exec}.
 */
package dev.ebpfjvm.core.interp;
