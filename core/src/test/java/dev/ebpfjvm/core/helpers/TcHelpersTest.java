package dev.ebpfjvm.core.helpers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.HelperFunction;
import dev.ebpfjvm.core.exec.HelperRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TcHelpersTest {
    private final HelperRegistry registry = TcHelpers.registry();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "map_lookup_elem",
                "ktime_get_ns",
                "ktime_get_boot_ns",
                "ktime_get_coarse_ns",
                "trace_printk",
                "get_prandom_u32",
                "get_smp_processor_id",
                "get_numa_node_id",
                "skb_store_bytes",
                "skb_load_bytes",
                "skb_load_bytes_relative",
                "l3_csum_replace",
                "l4_csum_replace",
                "csum_diff",
                "csum_update",
                "csum_level",
                "tail_call",
                "redirect",
                "clone_redirect",
                "redirect_peer",
                "get_cgroup_classid",
                "skb_vlan_push",
                "skb_vlan_pop",
                "skb_change_proto",
                "skb_change_type",
                "skb_change_tail",
                "skb_change_head",
                "skb_adjust_room",
                "skb_pull_data",
                "get_hash_recalc",
                "set_hash",
                "set_hash_invalid",
                "get_route_realm",
                "skb_under_cgroup",
                "skb_ecn_set_ce",
                "perf_event_output",
                "loop",
                "spin_lock",
                "spin_unlock",
                "snprintf",
                "strtol",
                "strtoul",
                "ringbuf_output"
            })
    void registry_hasEveryTcHelperUnderItsKernelId(String name) {
        HelperId id = HelperId.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        HelperFunction f = registry.get(id.id());
        assertNotNull(f, name);
        assertEquals(name, f.name());
    }

    @Test
    void tailCall_isRunByTheEnginesNotCalled() {
        Harness h = Harness.frame(Harness.IPV4_UDP);
        assertThrows(ProgramFaultException.class, () -> registry.get(12).impl().call(h.ctx, 0, 0, 0, 0, 0));
    }
}
