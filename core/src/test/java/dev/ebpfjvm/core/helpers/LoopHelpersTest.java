package dev.ebpfjvm.core.helpers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.Callback;
import dev.ebpfjvm.core.memory.Region;
import dev.ebpfjvm.core.memory.RegionKind;
import dev.ebpfjvm.core.testing.TestRegions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopHelpersTest {
    private final Harness h = Harness.frame(Harness.IPV4_UDP);
    private final List<String> calls = new ArrayList<>();
    private long stopAt = -1;
    private final Callback callback = (ctx, function, frame, r1, r2, r3, r4, r5) -> {
        calls.add(function + "@" + frame + ":" + r1 + "," + r2);
        return r1 == stopAt ? 1 : 0;
    };
    private final Region region = TestRegions.register(RegionKind.PROGRAM, new byte[0], false, callback);

    @AfterEach
    void release() {
        TestRegions.release(region);
    }

    @Test
    void loop_callsUntilDone() {
        h.ctx.setCallDepth(2);
        assertEquals(3, LoopHelpers.loop(h.ctx, 3, region.address(17), 99, 0, 0));
        assertEquals(List.of("17@3:0,99", "17@3:1,99", "17@3:2,99"), calls);
    }

    @Test
    void loop_stopsWhenCallbackReturnsNonZero() {
        stopAt = 1;
        assertEquals(2, LoopHelpers.loop(h.ctx, 10, region.address(0), 0, 0, 0));
        assertEquals(0, LoopHelpers.loop(h.ctx, 0, region.address(0), 0, 0, 0));
    }

    @Test
    void loop_errors() {
        assertEquals(-22, LoopHelpers.loop(h.ctx, 3, region.address(0), 0, 1, 0));
        assertEquals(
                0xfffffff9L,
                LoopHelpers.loop(h.ctx, (1 << 23) + 1, region.address(0), 0, 0, 0),
                "-E2BIG as the inlined helper's 32-bit move leaves it");
        assertEquals(List.of(), calls);
        assertThrows(ProgramFaultException.class, () -> LoopHelpers.loop(h.ctx, 1, 0x1234, 0, 0, 0));
        h.ctx.setCallDepth(7);
        assertThrows(ProgramFaultException.class, () -> LoopHelpers.loop(h.ctx, 1, region.address(0), 0, 0, 0));
    }
}
