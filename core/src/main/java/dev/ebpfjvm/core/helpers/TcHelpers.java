package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.ProgramFaultException;
import dev.ebpfjvm.core.exec.Helper;
import dev.ebpfjvm.core.exec.HelperRegistry;

/**
 * The helper functions of tc ({@code BPF_PROG_TYPE_SCHED_CLS}) programs under their uapi
 * {@code BPF_FUNC_*} ids, as both engines resolve them: the map and ring buffer helpers of
 * {@link MapHelpers} and the skb, checksum, redirect, print, string, loop and lock helpers of
 * this package. {@code bpf_tail_call} (12) is registered so that programs using it load; the
 * engines run it themselves ({@link dev.ebpfjvm.core.exec.TailCalls}) and never call it.
 */
public final class TcHelpers {
    private static final HelperRegistry REGISTRY = build();

    private TcHelpers() {}

    /** {@return the registry of every helper a tc program may call} */
    public static HelperRegistry registry() {
        return REGISTRY;
    }

    private static HelperRegistry build() {
        HelperRegistry.Builder b = MapHelpers.register(HelperRegistry.builder());
        add(b, HelperId.KTIME_GET_NS, BaseHelpers::ktimeGetNs);
        add(b, HelperId.TRACE_PRINTK, PrintHelpers::tracePrintk);
        add(b, HelperId.GET_PRANDOM_U32, BaseHelpers::getPrandomU32);
        add(b, HelperId.GET_SMP_PROCESSOR_ID, BaseHelpers::getSmpProcessorId);
        add(b, HelperId.SKB_STORE_BYTES, SkbDataHelpers::storeBytes);
        add(b, HelperId.L3_CSUM_REPLACE, CsumHelpers::l3CsumReplace);
        add(b, HelperId.L4_CSUM_REPLACE, CsumHelpers::l4CsumReplace);
        add(b, HelperId.TAIL_CALL, (ctx, r1, r2, r3, r4, r5) -> {
            throw new ProgramFaultException(-1, "bpf_tail_call is run by the engine, not called");
        });
        add(b, HelperId.CLONE_REDIRECT, RedirectHelpers::cloneRedirect);
        add(b, HelperId.GET_CGROUP_CLASSID, SkbMetaHelpers::getCgroupClassid);
        add(b, HelperId.SKB_VLAN_PUSH, VlanHelpers::push);
        add(b, HelperId.SKB_VLAN_POP, VlanHelpers::pop);
        add(b, HelperId.REDIRECT, RedirectHelpers::redirect);
        add(b, HelperId.GET_ROUTE_REALM, SkbMetaHelpers::getRouteRealm);
        add(b, HelperId.PERF_EVENT_OUTPUT, PerfHelpers::perfEventOutput);
        add(b, HelperId.SKB_LOAD_BYTES, SkbDataHelpers::loadBytes);
        add(b, HelperId.CSUM_DIFF, CsumHelpers::csumDiff);
        add(b, HelperId.SKB_CHANGE_PROTO, SkbResizeHelpers::changeProto);
        add(b, HelperId.SKB_CHANGE_TYPE, SkbMetaHelpers::changeType);
        add(b, HelperId.SKB_UNDER_CGROUP, SkbMetaHelpers::skbUnderCgroup);
        add(b, HelperId.GET_HASH_RECALC, SkbMetaHelpers::getHashRecalc);
        add(b, HelperId.SKB_CHANGE_TAIL, SkbResizeHelpers::changeTail);
        add(b, HelperId.SKB_PULL_DATA, SkbDataHelpers::pullData);
        add(b, HelperId.CSUM_UPDATE, CsumHelpers::csumUpdate);
        add(b, HelperId.SET_HASH_INVALID, SkbMetaHelpers::setHashInvalid);
        add(b, HelperId.GET_NUMA_NODE_ID, BaseHelpers::getNumaNodeId);
        add(b, HelperId.SKB_CHANGE_HEAD, SkbResizeHelpers::changeHead);
        add(b, HelperId.SET_HASH, SkbMetaHelpers::setHash);
        add(b, HelperId.SKB_ADJUST_ROOM, AdjustRoom::adjustRoom);
        add(b, HelperId.SKB_LOAD_BYTES_RELATIVE, SkbDataHelpers::loadBytesRelative);
        add(b, HelperId.SPIN_LOCK, LockHelpers::spinLock);
        add(b, HelperId.SPIN_UNLOCK, LockHelpers::spinUnlock);
        add(b, HelperId.SKB_ECN_SET_CE, SkbMetaHelpers::ecnSetCe);
        add(b, HelperId.STRTOL, StringHelpers::strtol);
        add(b, HelperId.STRTOUL, StringHelpers::strtoul);
        add(b, HelperId.KTIME_GET_BOOT_NS, BaseHelpers::ktimeGetBootNs);
        add(b, HelperId.CSUM_LEVEL, CsumHelpers::csumLevel);
        add(b, HelperId.REDIRECT_PEER, RedirectHelpers::redirectPeer);
        add(b, HelperId.KTIME_GET_COARSE_NS, BaseHelpers::ktimeGetCoarseNs);
        add(b, HelperId.SNPRINTF, PrintHelpers::snprintf);
        add(b, HelperId.LOOP, LoopHelpers::loop);
        return b.build();
    }

    private static void add(HelperRegistry.Builder b, HelperId id, Helper impl) {
        b.add(id.id(), id.kernelName(), impl);
    }
}
