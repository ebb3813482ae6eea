/**
 * The ASM backend: {@link dev.ebpfjvm.jit.JitEngine} turns programs into hidden classes. Only the
 * engine, its options and the compiler are exported; planning ({@code plan}), emitting
 * ({@code emit}) and class generation ({@code classgen}) are internal.
 */
module dev.ebpfjvm.jit {
    requires transitive dev.ebpfjvm.core;
    requires org.objectweb.asm;
    requires org.objectweb.asm.commons;
    requires org.objectweb.asm.util;

    exports dev.ebpfjvm.jit;
    exports dev.ebpfjvm.jit.chain;

    provides dev.ebpfjvm.core.exec.Engine with
            dev.ebpfjvm.jit.JitEngine;
    provides dev.ebpfjvm.core.net.ChainCompiler with
            dev.ebpfjvm.jit.chain.ChainDispatchers;
}
