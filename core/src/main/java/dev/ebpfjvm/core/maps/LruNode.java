package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.maps.ValueSlab.Slot;

/**
 * One element of an LRU hash map, as {@code struct bpf_lru_node} (kernel/bpf/bpf_lru_list.h):
 * the links of the list it is on, the list's type, the CPU whose local list holds it, the hash of
 * its key, and the reference bit that lookups from programs set without any lock. Each node owns a
 * value slot for its whole life.
 *
 * <p>The static methods are the kernel's circular {@code list_head} operations on sentinel nodes.
 * All links are guarded by the lock of the list the node is on.
 */
final class LruNode {
    /** {@code BPF_LRU_LIST_T_ACTIVE}. */
    static final int ACTIVE = 0;
    /** {@code BPF_LRU_LIST_T_INACTIVE}. */
    static final int INACTIVE = 1;
    /** {@code BPF_LRU_LIST_T_FREE}. */
    static final int FREE = 2;
    /** {@code BPF_LRU_LOCAL_LIST_T_FREE}. */
    static final int LOCAL_FREE = 3;
    /** {@code BPF_LRU_LOCAL_LIST_T_PENDING}. */
    static final int LOCAL_PENDING = 4;

    LruNode prev = this;
    LruNode next = this;
    int type;
    int cpu;
    int hash;
    /** The reference bit: set by lookups from programs, cleared by list rotations. */
    volatile boolean ref;

    final Slot slot;

    /** A node owning a slot, or a list head (sentinel) when the slot is null. */
    LruNode(Slot slot, int type, int cpu) {
        this.slot = slot;
        this.type = type;
        this.cpu = cpu;
    }

    /** {@return a new empty list (its sentinel)} */
    static LruNode newList() {
        return new LruNode(null, -1, -1);
    }

    /** {@code list_empty()}. */
    static boolean isEmpty(LruNode head) {
        return head.next == head;
    }

    /** {@code list_add()}: inserts the node right after the head. */
    static void addHead(LruNode node, LruNode head) {
        LruNode first = head.next;
        node.next = first;
        node.prev = head;
        first.prev = node;
        head.next = node;
    }

    /** {@code list_del()}. */
    static void unlink(LruNode node) {
        node.prev.next = node.next;
        node.next.prev = node.prev;
        node.prev = node;
        node.next = node;
    }

    /** {@code list_move()}: unlinks the node and inserts it right after the head. */
    static void moveHead(LruNode node, LruNode head) {
        unlink(node);
        addHead(node, head);
    }
}
