package dev.ebpfjvm.jit.chain;

import dev.ebpfjvm.core.net.ChainConcurrencyTest;
import org.junit.jupiter.api.Test;

/**
 * core's chain stress test with JIT-compiled programs and a dispatcher class per snapshot: every
 * frame still runs one whole chain that existed.
 */
class ChainDispatchersStressTest {
    @Test
    void everyFrameRunsOneWholeChainThatExistedThroughDispatchers() throws Exception {
        ChainConcurrencyTest.stress(ChainDispatchers.INSTANCE, "jit");
    }
}
