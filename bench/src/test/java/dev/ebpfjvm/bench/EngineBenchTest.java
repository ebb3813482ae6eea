package dev.ebpfjvm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.bench.workload.Workloads;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/** The benchmark's parameters name every workload and both engines, so a run covers them all. */
class EngineBenchTest {
    @Test
    void programParam_listsEveryWorkloadInOrder() throws NoSuchFieldException {
        Param param = EngineBench.class.getField("program").getAnnotation(Param.class);
        assertEquals(Workloads.names(), List.of(param.value()));
    }

    @Test
    void engineParam_listsBothEngines() throws NoSuchFieldException {
        Param param = EngineBench.class.getField("engine").getAnnotation(Param.class);
        assertEquals(List.of("interpreter", "jit"), List.of(param.value()));
    }
}
