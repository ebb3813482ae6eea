package dev.ebpfjvm.core.verifier;

import static dev.ebpfjvm.core.verifier.ArgType.ANYTHING;
import static dev.ebpfjvm.core.verifier.ArgType.CONST_ALLOC_SIZE_OR_ZERO;
import static dev.ebpfjvm.core.verifier.ArgType.CONST_MAP_PTR;
import static dev.ebpfjvm.core.verifier.ArgType.CONST_SIZE;
import static dev.ebpfjvm.core.verifier.ArgType.CONST_SIZE_OR_ZERO;
import static dev.ebpfjvm.core.verifier.ArgType.PTR_TO_CONST_STR;
import static dev.ebpfjvm.core.verifier.ArgType.PTR_TO_CTX;
import static dev.ebpfjvm.core.verifier.ArgType.PTR_TO_FUNC;
import static dev.ebpfjvm.core.verifier.ArgType.PTR_TO_LONG;
import static dev.ebpfjvm.core.verifier.ArgType.PTR_TO_MAP_KEY;
import static dev.ebpfjvm.core.verifier.ArgType.PTR_TO_MAP_VALUE;
import static dev.ebpfjvm.core.verifier.ArgType.PTR_TO_MEM;
import static dev.ebpfjvm.core.verifier.ArgType.PTR_TO_MEM_OR_NULL;
import static dev.ebpfjvm.core.verifier.ArgType.PTR_TO_RINGBUF_MEM;
import static dev.ebpfjvm.core.verifier.ArgType.PTR_TO_SPIN_LOCK;
import static dev.ebpfjvm.core.verifier.ArgType.PTR_TO_STACK_OR_NULL;
import static dev.ebpfjvm.core.verifier.ArgType.PTR_TO_UNINIT_MEM;

import dev.ebpfjvm.core.elf.ProgramType;
import dev.ebpfjvm.core.helpers.HelperId;
import dev.ebpfjvm.core.verifier.HelperProto.RetType;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The helper prototypes a program type may call: for tc ({@code SCHED_CLS}, {@code SCHED_ACT})
 * the helpers ebpf-jvm implements ({@link dev.ebpfjvm.core.helpers.TcHelpers}), with the argument
 * and return kinds of their {@code bpf_*_proto} in net/core/filter.c, kernel/bpf/helpers.c and
 * kernel/bpf/ringbuf.c (v6.18). Other program types get the base set (map, time, random, print).
 */
public final class HelperProtos {
    private static final HelperProtos TC = buildTc();
    private static final HelperProtos BASE = buildBase();

    private final Map<Integer, HelperProto> byId;

    private HelperProtos(Map<Integer, HelperProto> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** {@return the prototypes a program type may call} */
    public static HelperProtos forType(ProgramType type) {
        return type == ProgramType.SCHED_CLS || type == ProgramType.SCHED_ACT ? TC : BASE;
    }

    /** {@return the prototype of a helper id, or null when the program type may not call it} */
    public HelperProto get(int id) {
        return byId.get(id);
    }

    /** {@return every prototype, by id} */
    public Map<Integer, HelperProto> all() {
        return byId;
    }

    private static HelperProtos buildBase() {
        Map<Integer, HelperProto> m = new HashMap<>();
        base(m);
        return new HelperProtos(m);
    }

    private static void base(Map<Integer, HelperProto> m) {
        put(m, HelperId.MAP_LOOKUP_ELEM, RetType.PTR_TO_MAP_VALUE_OR_NULL, CONST_MAP_PTR, PTR_TO_MAP_KEY);
        put(m, HelperId.MAP_UPDATE_ELEM, RetType.INTEGER, CONST_MAP_PTR, PTR_TO_MAP_KEY, PTR_TO_MAP_VALUE, ANYTHING);
        put(m, HelperId.MAP_DELETE_ELEM, RetType.INTEGER, CONST_MAP_PTR, PTR_TO_MAP_KEY);
        put(m, HelperId.MAP_PUSH_ELEM, RetType.INTEGER, CONST_MAP_PTR, PTR_TO_MAP_VALUE, ANYTHING);
        put(m, HelperId.MAP_POP_ELEM, RetType.INTEGER, CONST_MAP_PTR, PTR_TO_UNINIT_MAP_VALUE());
        put(m, HelperId.MAP_PEEK_ELEM, RetType.INTEGER, CONST_MAP_PTR, PTR_TO_UNINIT_MAP_VALUE());
        put(m, HelperId.KTIME_GET_NS, RetType.INTEGER);
        put(m, HelperId.KTIME_GET_BOOT_NS, RetType.INTEGER);
        put(m, HelperId.KTIME_GET_COARSE_NS, RetType.INTEGER);
        put(m, HelperId.GET_PRANDOM_U32, RetType.INTEGER);
        put(m, HelperId.GET_SMP_PROCESSOR_ID, RetType.INTEGER);
        put(m, HelperId.GET_NUMA_NODE_ID, RetType.INTEGER);
        put(m, HelperId.GET_CURRENT_PID_TGID, RetType.INTEGER);
        put(m, HelperId.PERF_EVENT_READ, RetType.INTEGER, CONST_MAP_PTR, ANYTHING);
        put(m, HelperId.TRACE_PRINTK, RetType.INTEGER, PTR_TO_MEM, CONST_SIZE);
        put(m, HelperId.TAIL_CALL, RetType.VOID, PTR_TO_CTX, CONST_MAP_PTR, ANYTHING);
        put(m, HelperId.RINGBUF_OUTPUT, RetType.INTEGER, CONST_MAP_PTR, PTR_TO_MEM, CONST_SIZE_OR_ZERO, ANYTHING);
        put(
                m,
                HelperId.RINGBUF_RESERVE,
                RetType.PTR_TO_RINGBUF_MEM_OR_NULL,
                CONST_MAP_PTR,
                CONST_ALLOC_SIZE_OR_ZERO,
                ANYTHING);
        put(m, HelperId.RINGBUF_SUBMIT, RetType.VOID, PTR_TO_RINGBUF_MEM, ANYTHING);
        put(m, HelperId.RINGBUF_DISCARD, RetType.VOID, PTR_TO_RINGBUF_MEM, ANYTHING);
        put(m, HelperId.RINGBUF_QUERY, RetType.INTEGER, CONST_MAP_PTR, ANYTHING);
        put(m, HelperId.SPIN_LOCK, RetType.VOID, PTR_TO_SPIN_LOCK);
        put(m, HelperId.SPIN_UNLOCK, RetType.VOID, PTR_TO_SPIN_LOCK);
        put(m, HelperId.STRTOL, RetType.INTEGER, PTR_TO_MEM, CONST_SIZE, ANYTHING, PTR_TO_LONG);
        put(m, HelperId.STRTOUL, RetType.INTEGER, PTR_TO_MEM, CONST_SIZE, ANYTHING, PTR_TO_LONG);
        put(
                m,
                HelperId.SNPRINTF,
                RetType.INTEGER,
                PTR_TO_MEM_OR_NULL_UNINIT(),
                CONST_SIZE_OR_ZERO,
                PTR_TO_CONST_STR,
                PTR_TO_MEM_OR_NULL,
                CONST_SIZE_OR_ZERO);
        put(m, HelperId.LOOP, RetType.INTEGER, ANYTHING, PTR_TO_FUNC, PTR_TO_STACK_OR_NULL, ANYTHING);
    }

    // bpf_map_pop/peek_elem write a value: ARG_PTR_TO_MAP_VALUE | MEM_UNINIT; checked like a value.
    private static ArgType PTR_TO_UNINIT_MAP_VALUE() {
        return PTR_TO_MAP_VALUE;
    }

    // snprintf's out buffer: ARG_PTR_TO_MEM_OR_NULL written by the helper; checked as readable memory.
    private static ArgType PTR_TO_MEM_OR_NULL_UNINIT() {
        return PTR_TO_MEM_OR_NULL;
    }

    private static HelperProtos buildTc() {
        Map<Integer, HelperProto> m = new HashMap<>();
        base(m);
        putPkt(m, HelperId.SKB_STORE_BYTES, PTR_TO_CTX, ANYTHING, PTR_TO_MEM, CONST_SIZE, ANYTHING);
        putPkt(m, HelperId.L3_CSUM_REPLACE, PTR_TO_CTX, ANYTHING, ANYTHING, ANYTHING, ANYTHING);
        putPkt(m, HelperId.L4_CSUM_REPLACE, PTR_TO_CTX, ANYTHING, ANYTHING, ANYTHING, ANYTHING);
        putPkt(m, HelperId.CLONE_REDIRECT, PTR_TO_CTX, ANYTHING, ANYTHING);
        put(m, HelperId.GET_CGROUP_CLASSID, RetType.INTEGER, PTR_TO_CTX);
        putPkt(m, HelperId.SKB_VLAN_PUSH, PTR_TO_CTX, ANYTHING, ANYTHING);
        putPkt(m, HelperId.SKB_VLAN_POP, PTR_TO_CTX);
        put(m, HelperId.REDIRECT, RetType.INTEGER, ANYTHING, ANYTHING);
        put(m, HelperId.GET_ROUTE_REALM, RetType.INTEGER, PTR_TO_CTX);
        put(
                m,
                HelperId.PERF_EVENT_OUTPUT,
                RetType.INTEGER,
                PTR_TO_CTX,
                CONST_MAP_PTR,
                ANYTHING,
                PTR_TO_MEM,
                CONST_SIZE_OR_ZERO);
        put(m, HelperId.SKB_LOAD_BYTES, RetType.INTEGER, PTR_TO_CTX, ANYTHING, PTR_TO_UNINIT_MEM, CONST_SIZE);
        put(
                m,
                HelperId.CSUM_DIFF,
                RetType.INTEGER,
                PTR_TO_MEM_OR_NULL,
                CONST_SIZE_OR_ZERO,
                PTR_TO_MEM_OR_NULL,
                CONST_SIZE_OR_ZERO,
                ANYTHING);
        putPkt(m, HelperId.SKB_CHANGE_PROTO, PTR_TO_CTX, ANYTHING, ANYTHING);
        put(m, HelperId.SKB_CHANGE_TYPE, RetType.INTEGER, PTR_TO_CTX, ANYTHING);
        put(m, HelperId.SKB_UNDER_CGROUP, RetType.INTEGER, PTR_TO_CTX, CONST_MAP_PTR, ANYTHING);
        put(m, HelperId.GET_HASH_RECALC, RetType.INTEGER, PTR_TO_CTX);
        putPkt(m, HelperId.SKB_CHANGE_TAIL, PTR_TO_CTX, ANYTHING, ANYTHING);
        putPkt(m, HelperId.SKB_PULL_DATA, PTR_TO_CTX, ANYTHING);
        put(m, HelperId.CSUM_UPDATE, RetType.INTEGER, PTR_TO_CTX, ANYTHING);
        put(m, HelperId.SET_HASH_INVALID, RetType.VOID, PTR_TO_CTX);
        putPkt(m, HelperId.SKB_CHANGE_HEAD, PTR_TO_CTX, ANYTHING, ANYTHING);
        put(m, HelperId.SET_HASH, RetType.INTEGER, PTR_TO_CTX, ANYTHING);
        putPkt(m, HelperId.SKB_ADJUST_ROOM, PTR_TO_CTX, ANYTHING, ANYTHING, ANYTHING);
        put(
                m,
                HelperId.SKB_LOAD_BYTES_RELATIVE,
                RetType.INTEGER,
                PTR_TO_CTX,
                ANYTHING,
                PTR_TO_UNINIT_MEM,
                CONST_SIZE,
                ANYTHING);
        put(m, HelperId.SKB_ECN_SET_CE, RetType.INTEGER, PTR_TO_CTX);
        put(m, HelperId.CSUM_LEVEL, RetType.INTEGER, PTR_TO_CTX, ANYTHING);
        put(m, HelperId.REDIRECT_PEER, RetType.INTEGER, ANYTHING, ANYTHING);
        return new HelperProtos(m);
    }

    private static void put(Map<Integer, HelperProto> m, HelperId id, RetType ret, ArgType... args) {
        m.put(id.id(), new HelperProto(id.id(), id.kernelName(), ret, Arrays.asList(args), false));
    }

    private static void putPkt(Map<Integer, HelperProto> m, HelperId id, ArgType... args) {
        m.put(id.id(), new HelperProto(id.id(), id.kernelName(), RetType.INTEGER, Arrays.asList(args), true));
    }
}
