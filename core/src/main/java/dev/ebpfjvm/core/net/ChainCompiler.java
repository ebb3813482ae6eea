package dev.ebpfjvm.core.net;

import java.util.ServiceLoader;

/**
 * Turns a chain snapshot's programs into a {@link ChainDispatcher}; a {@link Network} compiles each
 * snapshot once, when a frame first runs it. {@link #LOOP} is the default.
 */
@FunctionalInterface
public interface ChainCompiler {
    /** Compiles every chain to the plain loop. */
    ChainCompiler LOOP = ChainDispatcher::loop;

    /**
     * @param programs the programs in chain order (at most {@link TcxChain#MAX_ENTRIES}); the
     *     dispatcher must not depend on later changes of the array
     * @return the dispatcher
     */
    ChainDispatcher compile(NetProgram[] programs);

    /**
     * {@return the chain compiler on the class path (the JIT's dispatcher classes, which let C2
     * inline a whole chain), else {@link #LOOP}}
     */
    static ChainCompiler preferred() {
        return ServiceLoader.load(ChainCompiler.class, ChainCompiler.class.getClassLoader())
                .findFirst()
                .orElse(LOOP);
    }
}
