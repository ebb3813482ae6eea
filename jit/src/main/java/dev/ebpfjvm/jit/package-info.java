/**
 * The JIT: {@link dev.ebpfjvm.jit.JitCompiler} turns a {@link dev.ebpfjvm.core.exec.Program} into a
 * hidden JVM class implementing {@link dev.ebpfjvm.core.exec.Executable}, with the interpreter's
 * semantics; {@link dev.ebpfjvm.jit.JitEngine} offers it as the engine "jit".
 *
 * <p>The stages, one package each, depending downward only: {@code plan} (functions, liveness,
 * memory facts, constant pool and method-size budgets, cutting functions into methods),
 * {@code emit} (bytecode per instruction and per method, and the run-time entry points generated
 * code calls), {@code classgen} (class layout, hidden-class definition, the dump).
 */
package dev.ebpfjvm.jit;
