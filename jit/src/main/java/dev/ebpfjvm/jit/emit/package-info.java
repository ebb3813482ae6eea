/**
 * Bytecode: one emitter per instruction family ({@code AluEmitter}, {@code JumpEmitter},
 * {@code MemEmitter}, {@code AtomicEmitter}, {@code CallEmitter}, {@code PacketLoadEmitter},
 * {@code LddwEmitter}) sharing one {@code EmitContext}; whole methods
 * ({@link dev.ebpfjvm.jit.emit.MethodEmitter}, {@link dev.ebpfjvm.jit.emit.DispatchEmitter},
 * {@link dev.ebpfjvm.jit.emit.EntryEmitter}); and the few run-time entry points generated code
 * calls ({@link dev.ebpfjvm.jit.emit.RuntimeSupport}, {@link dev.ebpfjvm.jit.emit.FunctionRegion}).
 * Every semantic rule beyond a Java operator is a call into {@code dev.ebpfjvm.core.exec} or
 * {@code dev.ebpfjvm.core.memory}, shared with the interpreter.
 */
package dev.ebpfjvm.jit.emit;
