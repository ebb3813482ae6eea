package dev.ebpfjvm.core.maps;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The node allocator of an LRU hash map, {@code struct bpf_lru} (kernel/bpf/bpf_lru_list.c, after
 * the "bpf: LRU List" design): where a new element's node comes from, evicting old elements when
 * none is free, and where a deleted one goes.
 *
 * <p>Common LRU (the default): one global {@link LruList} plus, per CPU, a local free list and a
 * local pending list. An update takes a node from its CPU's local free list; when that is empty it
 * takes the global lock once to flush its pending nodes into the global list, rotate it, and move
 * up to {@value #LOCAL_FREE_TARGET} free nodes over, shrinking the inactive list (evicting) when
 * the global free list cannot supply them; failing all that it steals a free or pending node from
 * another CPU's local lists. New nodes wait on the local pending list until the next flush.
 *
 * <p>Per-CPU LRU ({@code BPF_F_NO_COMMON_LRU}): each CPU has its own whole list, shrunk
 * {@value #PERCPU_FREE_TARGET} nodes at a time; nodes never move between CPUs.
 *
 * <p>Locks, in the only order they are taken: a CPU's local list, then the global list, then a
 * hash bucket stripe (inside {@code deleteFromTable}). Lookups take none: they only set a node's
 * reference bit.
 */
final class Lru {
    /** {@code LOCAL_FREE_TARGET}: the free nodes a CPU takes from the global list at once. */
    static final int LOCAL_FREE_TARGET = 128;
    /** {@code PERCPU_FREE_TARGET}: the nodes a per-CPU list frees at once. */
    static final int PERCPU_FREE_TARGET = 4;

    /** {@code struct bpf_lru_locallist}. */
    private static final class LocalList {
        final LruNode free = LruNode.newList();
        final LruNode pending = LruNode.newList();
        int nextSteal;
    }

    private final boolean percpu;
    private final LruList common;
    private final LocalList[] locals;
    private final LruList[] perCpu;

    /**
     * @param percpu true for {@code BPF_F_NO_COMMON_LRU}
     * @param cpus the number of CPUs
     * @param nodes the number of nodes (a multiple of cpus when percpu)
     * @param newNode creates a node with its value slot
     * @param deleteFromTable unlinks a node's element from the hash table; false when it is not there
     */
    Lru(boolean percpu, int cpus, int nodes, Supplier<LruNode> newNode, Predicate<LruNode> deleteFromTable) {
        this.percpu = percpu;
        if (percpu) {
            this.common = null;
            this.locals = null;
            this.perCpu = new LruList[cpus];
            for (int cpu = 0; cpu < cpus; cpu++) {
                int owner = cpu;
                perCpu[cpu] = new LruList(
                        nodes / cpus,
                        PERCPU_FREE_TARGET,
                        () -> {
                            LruNode node = newNode.get();
                            node.cpu = owner;
                            return node;
                        },
                        deleteFromTable);
            }
        } else {
            this.common = new LruList(nodes, LOCAL_FREE_TARGET, newNode, deleteFromTable);
            this.perCpu = null;
            this.locals = new LocalList[cpus];
            for (int cpu = 0; cpu < cpus; cpu++) {
                locals[cpu] = new LocalList();
                locals[cpu].nextSteal = cpu;
            }
        }
    }

    /** {@code bpf_lru_pop_free()}: {@return a node for a new element of the given hash, or null when none can be freed} */
    LruNode popFree(int hash, int cpu) {
        return percpu ? popFreePerCpu(hash, cpu) : popFreeCommon(hash, cpu);
    }

    /** {@code bpf_lru_push_free()}: gives back the node of a deleted or replaced element. */
    void pushFree(LruNode node) {
        if (percpu) {
            LruList list = perCpu[node.cpu];
            synchronized (list) {
                list.move(node, LruNode.FREE);
            }
            return;
        }
        if (node.type == LruNode.LOCAL_PENDING) {
            LocalList local = locals[node.cpu];
            synchronized (local) {
                if (node.type == LruNode.LOCAL_PENDING) {
                    node.type = LruNode.LOCAL_FREE;
                    node.ref = false;
                    LruNode.moveHead(node, local.free);
                    return;
                }
            }
        }
        synchronized (common) {
            common.move(node, LruNode.FREE);
        }
    }

    /** {@code bpf_percpu_lru_pop_free()}. */
    private LruNode popFreePerCpu(int hash, int cpu) {
        LruList list = perCpu[cpu];
        synchronized (list) {
            list.rotate();
            LruNode node = list.firstFree();
            if (node == null) {
                list.shrink(PERCPU_FREE_TARGET, list.freeList(), LruNode.FREE);
                node = list.firstFree();
            }
            if (node != null) {
                node.hash = hash;
                list.move(node, LruNode.INACTIVE);
            }
            return node;
        }
    }

    /** {@code bpf_common_lru_pop_free()}. */
    private LruNode popFreeCommon(int hash, int cpu) {
        LocalList local = locals[cpu];
        LruNode node;
        synchronized (local) {
            node = popLocalFree(local);
            if (node == null) {
                refillLocal(local);
                node = popLocalFree(local);
            }
            if (node != null) {
                addPending(local, cpu, node, hash);
                return node;
            }
        }
        int first = local.nextSteal;
        int steal = first;
        do {
            LocalList victim = locals[steal];
            synchronized (victim) {
                node = popLocalFree(victim);
                if (node == null) {
                    node = popLocalPending(victim);
                }
            }
            steal = (steal + 1) % locals.length;
        } while (node == null && steal != first);
        local.nextSteal = steal;
        if (node != null) {
            synchronized (local) {
                addPending(local, cpu, node, hash);
            }
        }
        return node;
    }

    /** {@code bpf_lru_list_pop_free_to_local()}: called holding the local list's lock. */
    private void refillLocal(LocalList local) {
        synchronized (common) {
            common.flush(local.pending);
            common.rotate();
            int moved = 0;
            for (LruNode node = common.firstFree(); node != null; node = common.firstFree()) {
                common.moveToFree(node, local.free, LruNode.LOCAL_FREE);
                if (++moved == LOCAL_FREE_TARGET) {
                    break;
                }
            }
            if (moved < LOCAL_FREE_TARGET) {
                common.shrink(LOCAL_FREE_TARGET - moved, local.free, LruNode.LOCAL_FREE);
            }
        }
    }

    /** {@code __local_list_add_pending()}. */
    private static void addPending(LocalList local, int cpu, LruNode node, int hash) {
        node.hash = hash;
        node.cpu = cpu;
        node.type = LruNode.LOCAL_PENDING;
        node.ref = false;
        LruNode.addHead(node, local.pending);
    }

    /** {@code __local_list_pop_free()}. */
    private static LruNode popLocalFree(LocalList local) {
        if (LruNode.isEmpty(local.free)) {
            return null;
        }
        LruNode node = local.free.next;
        LruNode.unlink(node);
        return node;
    }

    /** {@code __local_list_pop_pending()}: the oldest unreferenced pending node, else the oldest. */
    private LruNode popLocalPending(LocalList local) {
        for (boolean force : new boolean[] {false, true}) {
            for (LruNode node = local.pending.prev; node != local.pending; node = node.prev) {
                if ((!node.ref || force) && common.deleteFromTable(node)) {
                    LruNode.unlink(node);
                    return node;
                }
            }
        }
        return null;
    }
}
