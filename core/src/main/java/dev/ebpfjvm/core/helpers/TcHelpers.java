package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.TailCalls;

/**
 * The helper functions of tc ({@code BPF_PROG_TYPE_SCHED_CLS}) programs under their uapi
 * {@code BPF_FUNC_*} ids, as both engines resolve them.
 */
public final class TcHelpers {
    private static final HelperRegistry REGISTRY = build();

    private TcHelpers() {
    }

    /** {@return the registry of every helper a tc program may call} */
    public static HelperRegistry registry() {
        return REGISTRY;
    }

    private static HelperRegistry build() {
        return HelperRegistry.builder()
                .add(5, "ktime_get_ns", BaseHelpers::ktimeGetNs)
                .add(6, "trace_printk", PrintHelpers::tracePrintk)
                .add(7, "get_prandom_u32", BaseHelpers::getPrandomU32)
                .add(8, "get_smp_processor_id", BaseHelpers::getSmpProcessorId)
                .add(9, "skb_store_bytes", SkbDataHelpers::storeBytes)
                .add(10, "l3_csum_replace", CsumHelpers::l3CsumReplace)
                .add(11, "l4_csum_replace", CsumHelpers::l4CsumReplace)
                .add(TailCalls.HELPER_ID, "tail_call", (ctx, r1, r2, r3, r4, r5) -> {
                    throw new ProgramFaultException(-1, "bpf_tail_call is run by the engine, not called");
                })
                .add(13, "clone_redirect", RedirectHelpers::cloneRedirect)
                .add(17, "get_cgroup_classid", SkbMetaHelpers::getCgroupClassid)
                .add(18, "skb_vlan_push", VlanHelpers::push)
                .add(19, "skb_vlan_pop", VlanHelpers::pop)
                .add(23, "redirect", RedirectHelpers::redirect)
                .add(24, "get_route_realm", SkbMetaHelpers::getRouteRealm)
                .add(25, "perf_event_output", PerfHelpers::perfEventOutput)
                .add(26, "skb_load_bytes", SkbDataHelpers::loadBytes)
                .add(28, "csum_diff", CsumHelpers::csumDiff)
                .add(31, "skb_change_proto", SkbResizeHelpers::changeProto)
                .add(32, "skb_change_type", SkbMetaHelpers::changeType)
                .add(33, "skb_under_cgroup", SkbMetaHelpers::skbUnderCgroup)
                .add(34, "get_hash_recalc", SkbMetaHelpers::getHashRecalc)
                .add(38, "skb_change_tail", SkbResizeHelpers::changeTail)
                .add(39, "skb_pull_data", SkbDataHelpers::pullData)
                .add(40, "csum_update", CsumHelpers::csumUpdate)
                .add(41, "set_hash_invalid", SkbMetaHelpers::setHashInvalid)
                .add(42, "get_numa_node_id", BaseHelpers::getNumaNodeId)
                .add(43, "skb_change_head", SkbResizeHelpers::changeHead)
                .add(48, "set_hash", SkbMetaHelpers::setHash)
                .add(50, "skb_adjust_room", AdjustRoom::adjustRoom)
                .add(68, "skb_load_bytes_relative", SkbDataHelpers::loadBytesRelative)
                .add(93, "spin_lock", LockHelpers::spinLock)
                .add(94, "spin_unlock", LockHelpers::spinUnlock)
                .add(97, "skb_ecn_set_ce", SkbMetaHelpers::ecnSetCe)
                .add(105, "strtol", StringHelpers::strtol)
                .add(106, "strtoul", StringHelpers::strtoul)
                .add(125, "ktime_get_boot_ns", BaseHelpers::ktimeGetBootNs)
                .add(135, "csum_level", CsumHelpers::csumLevel)
                .add(155, "redirect_peer", RedirectHelpers::redirectPeer)
                .add(160, "ktime_get_coarse_ns", BaseHelpers::ktimeGetCoarseNs)
                .add(165, "snprintf", PrintHelpers::snprintf)
                .add(181, "loop", LoopHelpers::loop)
                .build();
    }
}
