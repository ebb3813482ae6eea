package dev.ebpfjvm.core.maps;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One LRU list with its active, inactive and free sub-lists: {@code struct bpf_lru_list} and the
 * functions of kernel/bpf/bpf_lru_list.c that work on it (rotation, shrinking, moving nodes in from
 * a CPU's pending list). The common LRU has one; {@code BPF_F_NO_COMMON_LRU} gives one per CPU.
 *
 * <p>The active and inactive lists act as a rough clock: rotation moves unreferenced nodes from the
 * tail of the active list to the inactive list and referenced ones back to the head of the active
 * list, clearing their bit; shrinking frees unreferenced nodes from the tail of the inactive list,
 * and falls back to the oldest node regardless of its bit.
 *
 * <p>The free list starts with {@code nodes} nodes, created on first use rather than up front (the
 * kernel fills it with every preallocated element; created lazily, the nodes come out in an order
 * no caller can tell apart). Every method must be called holding this object's monitor, the
 * kernel's {@code lru_list->lock}.
 */
final class LruList {
    private final LruNode[] lists = {LruNode.newList(), LruNode.newList(), LruNode.newList()};
    private final int[] counts = new int[2];
    private final int nrScans;
    private final Supplier<LruNode> newNode;
    private final Predicate<LruNode> deleteFromTable;
    private LruNode nextInactiveRotation = lists[LruNode.INACTIVE];
    private int unborn;

    /**
     * @param nodes the nodes its free list starts with
     * @param nrScans how many nodes one rotation or shrink looks at
     * @param newNode creates a node (with its value slot)
     * @param deleteFromTable unlinks a node's element from the hash table: the kernel's
     *     {@code del_from_htab}; false when the node is not in the table
     */
    LruList(int nodes, int nrScans, Supplier<LruNode> newNode, Predicate<LruNode> deleteFromTable) {
        this.unborn = nodes;
        this.nrScans = nrScans;
        this.newNode = newNode;
        this.deleteFromTable = deleteFromTable;
    }

    /** {@return the first node of the free list, or null when it is empty} */
    LruNode firstFree() {
        LruNode free = lists[LruNode.FREE];
        if (LruNode.isEmpty(free) && unborn > 0) {
            unborn--;
            LruNode node = newNode.get();
            node.type = LruNode.FREE;
            LruNode.addHead(node, free);
        }
        return LruNode.isEmpty(free) ? null : free.next;
    }

    /** {@return the head of the free sub-list} */
    LruNode freeList() {
        return lists[LruNode.FREE];
    }

    /** {@return whether the node's element was unlinked from the hash table (the kernel's del_from_htab)} */
    boolean deleteFromTable(LruNode node) {
        return deleteFromTable.test(node);
    }

    /** {@code __bpf_lru_node_move_to_free()}: from this list to a (local or this) free list. */
    void moveToFree(LruNode node, LruNode freeList, int freeType) {
        if (node == nextInactiveRotation) {
            nextInactiveRotation = nextInactiveRotation.prev;
        }
        countDec(node.type);
        node.type = freeType;
        LruNode.moveHead(node, freeList);
    }

    /** {@code __bpf_lru_node_move_in()}: from a local pending list into this list. */
    void moveIn(LruNode node, int type) {
        countInc(type);
        node.type = type;
        node.ref = false;
        LruNode.moveHead(node, lists[type]);
    }

    /** {@code __bpf_lru_node_move()}: between or within this list's sub-lists. */
    void move(LruNode node, int type) {
        if (node.type != type) {
            countDec(node.type);
            countInc(type);
            node.type = type;
        }
        node.ref = false;
        if (node == nextInactiveRotation) {
            nextInactiveRotation = nextInactiveRotation.prev;
        }
        LruNode.moveHead(node, lists[type]);
    }

    /** {@code __bpf_lru_list_rotate()}: the active list only when the inactive list runs low. */
    void rotate() {
        if (counts[LruNode.INACTIVE] < counts[LruNode.ACTIVE]) {
            rotateActive();
        }
        rotateInactive();
    }

    /** {@code __bpf_lru_list_rotate_active()}. */
    private void rotateActive() {
        LruNode active = lists[LruNode.ACTIVE];
        LruNode first = active.next;
        int i = 0;
        for (LruNode node = active.prev, prev = node.prev; node != active; node = prev, prev = node.prev) {
            move(node, node.ref ? LruNode.ACTIVE : LruNode.INACTIVE);
            if (++i == nrScans || node == first) {
                break;
            }
        }
    }

    /** {@code __bpf_lru_list_rotate_inactive()}: resumes where the previous rotation stopped. */
    private void rotateInactive() {
        LruNode inactive = lists[LruNode.INACTIVE];
        if (LruNode.isEmpty(inactive)) {
            return;
        }
        LruNode last = nextInactiveRotation.next;
        if (last == inactive) {
            last = last.next;
        }
        LruNode cur = nextInactiveRotation;
        LruNode next = inactive;
        int i = 0;
        while (i < nrScans) {
            if (cur == inactive) {
                cur = cur.prev;
                continue;
            }
            next = cur.prev;
            if (cur.ref) {
                move(cur, LruNode.ACTIVE);
            }
            if (cur == last) {
                break;
            }
            cur = next;
            i++;
        }
        nextInactiveRotation = next;
    }

    /** {@code __bpf_lru_list_shrink_inactive()}: {@return the number of nodes freed} */
    private int shrinkInactive(int target, LruNode freeList, int freeType) {
        LruNode inactive = lists[LruNode.INACTIVE];
        int shrunk = 0;
        int i = 0;
        for (LruNode node = inactive.prev, prev = node.prev; node != inactive; node = prev, prev = node.prev) {
            if (node.ref) {
                move(node, LruNode.ACTIVE);
            } else if (deleteFromTable.test(node)) {
                moveToFree(node, freeList, freeType);
                if (++shrunk == target) {
                    break;
                }
            }
            if (++i == nrScans) {
                break;
            }
        }
        return shrunk;
    }

    /**
     * {@code __bpf_lru_list_shrink()}: frees unreferenced inactive nodes, or else forcibly the
     * oldest node of the inactive (or, when empty, active) list. {@return the number freed}
     */
    int shrink(int target, LruNode freeList, int freeType) {
        int shrunk = shrinkInactive(target, freeList, freeType);
        if (shrunk > 0) {
            return shrunk;
        }
        LruNode forced = LruNode.isEmpty(lists[LruNode.INACTIVE]) ? lists[LruNode.ACTIVE] : lists[LruNode.INACTIVE];
        for (LruNode node = forced.prev, prev = node.prev; node != forced; node = prev, prev = node.prev) {
            if (deleteFromTable.test(node)) {
                moveToFree(node, freeList, freeType);
                return 1;
            }
        }
        return 0;
    }

    /** {@code __local_list_flush()}: moves a CPU's pending nodes in, oldest first. */
    void flush(LruNode pending) {
        for (LruNode node = pending.prev, prev = node.prev; node != pending; node = prev, prev = node.prev) {
            moveIn(node, node.ref ? LruNode.ACTIVE : LruNode.INACTIVE);
        }
    }

    private void countInc(int type) {
        if (type < counts.length) {
            counts[type]++;
        }
    }

    private void countDec(int type) {
        if (type < counts.length) {
            counts[type]--;
        }
    }
}
