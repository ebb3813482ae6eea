package dev.ebpfjvm.core.skb;

/**
 * The fields of uapi {@code struct __sk_buff} (192 bytes) that a tc program may touch, with the
 * width of the kernel field each one is rewritten to ({@code target_size} in
 * {@code bpf_convert_ctx_access()}, net/core/filter.c) and whether tc programs may write it
 * ({@code tc_cls_act_is_valid_access()}).
 *
 * <pre>
 *   0 len             4 pkt_type        8 mark           12 queue_mapping
 *  16 protocol       20 vlan_present   24 vlan_tci       28 vlan_proto
 *  32 priority       36 ingress_ifindex 40 ifindex       44 tc_index
 *  48 cb[0..4]       68 hash           72 tc_classid     76 data
 *  80 data_end       84 napi_id        88..139 family … local_port (sk_skb only)
 * 140 data_meta     144 flow_keys     152 tstamp (u64)  160 wire_len
 * 164 gso_segs      168 sk (ptr)      176 gso_size      180 tstamp_type (u8)
 * 184 hwtstamp (u64)
 * </pre>
 */
public enum SkBuffField {
    /** {@code len}: {@code skb->len}. */
    LEN(0, 4, 4, false),
    /** {@code pkt_type}: a 3-bit field, loaded as one byte. */
    PKT_TYPE(4, 4, 1, false),
    /** {@code mark}. */
    MARK(8, 4, 4, true),
    /** {@code queue_mapping}: u16; a write of 0xffff or more is ignored. */
    QUEUE_MAPPING(12, 4, 2, true),
    /** {@code protocol}: the ethertype in network byte order (u16). */
    PROTOCOL(16, 4, 2, false),
    /** {@code vlan_present}: {@code skb->vlan_all != 0}. */
    VLAN_PRESENT(20, 4, 4, false),
    /** {@code vlan_tci}: u16, host order. */
    VLAN_TCI(24, 4, 2, false),
    /** {@code vlan_proto}: u16, network byte order. */
    VLAN_PROTO(28, 4, 2, false),
    /** {@code priority}. */
    PRIORITY(32, 4, 4, true),
    /** {@code ingress_ifindex}: {@code skb->skb_iif}. */
    INGRESS_IFINDEX(36, 4, 4, false),
    /** {@code ifindex}: {@code skb->dev->ifindex}. */
    IFINDEX(40, 4, 4, false),
    /** {@code tc_index}: u16. */
    TC_INDEX(44, 4, 2, true),
    /** {@code cb[5]}: 20 bytes of {@code qdisc_skb_cb->data}, accessed at any aligned size. */
    CB(48, 20, 0, true),
    /** {@code hash}. */
    HASH(68, 4, 4, false),
    /** {@code tc_classid}: u16 in {@code qdisc_skb_cb}. */
    TC_CLASSID(72, 4, 2, true),
    /** {@code data}: a packet pointer. */
    DATA(76, 4, 0, false),
    /** {@code data_end}: the packet end pointer. */
    DATA_END(80, 4, 0, false),
    /** {@code napi_id}. */
    NAPI_ID(84, 4, 4, false),
    /** {@code data_meta}: the metadata pointer (equal to {@code data}: tc skbs carry no metadata). */
    DATA_META(140, 4, 0, false),
    /** {@code tstamp}: u64, read and written whole. */
    TSTAMP(152, 8, 0, true),
    /** {@code wire_len}: {@code qdisc_skb_cb->pkt_len}. */
    WIRE_LEN(160, 4, 4, false),
    /** {@code gso_segs}: u16 in the shared info. */
    GSO_SEGS(164, 4, 2, false),
    /** {@code sk}: the socket pointer, read whole (8 bytes). */
    SK(168, 8, 0, false),
    /** {@code gso_size}: u16 in the shared info. */
    GSO_SIZE(176, 4, 2, false),
    /** {@code tstamp_type}: u8, read as one byte only. */
    TSTAMP_TYPE(180, 1, 0, false),
    /** {@code hwtstamp}: u64, read whole. */
    HWTSTAMP(184, 8, 0, false);

    /** {@code sizeof(struct __sk_buff)}. */
    public static final int STRUCT_SIZE = 192;

    private static final SkBuffField[] BY_OFFSET = new SkBuffField[STRUCT_SIZE];

    static {
        for (SkBuffField f : values()) {
            for (int i = 0; i < f.size; i++) {
                BY_OFFSET[f.offset + i] = f;
            }
        }
    }

    private final int offset;
    private final int size;
    private final int targetSize;
    private final boolean writable;

    SkBuffField(int offset, int size, int targetSize, boolean writable) {
        this.offset = offset;
        this.size = size;
        this.targetSize = targetSize;
        this.writable = writable;
    }

    /** {@return the field's offset in {@code struct __sk_buff}} */
    public int offset() {
        return offset;
    }

    /** {@return the field's size in {@code struct __sk_buff}} */
    public int size() {
        return size;
    }

    /**
     * {@return the width of the kernel field behind a 4-byte {@code __sk_buff} field (1, 2 or 4),
     * which decides what narrow loads see; 0 for fields that are never narrowed}
     */
    public int targetSize() {
        return targetSize;
    }

    /** {@return whether tc programs may store to the field} */
    public boolean isWritable() {
        return writable;
    }

    /** {@return the field covering a byte of {@code struct __sk_buff}, or null for bytes no tc program may touch} */
    public static SkBuffField at(int offset) {
        return offset >= 0 && offset < STRUCT_SIZE ? BY_OFFSET[offset] : null;
    }
}
