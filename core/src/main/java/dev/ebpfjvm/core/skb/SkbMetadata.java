package dev.ebpfjvm.core.skb;

/**
 * The scalar fields of an {@code sk_buff} that tc programs and their helpers see, with the
 * kernel's widths: setters of 16-bit fields keep the low 16 bits, as the kernel's {@code u16}
 * fields do. Ethertypes ({@link #protocol()}, {@link #vlanProto()}) are held as numbers
 * ({@code 0x0800}); the kernel keeps them in network byte order, and {@link SkBuffContext} shows
 * them to programs that way.
 */
public final class SkbMetadata {
    /** {@code PACKET_HOST}: to us. */
    public static final int PACKET_HOST = 0;
    /** {@code PACKET_BROADCAST}. */
    public static final int PACKET_BROADCAST = 1;
    /** {@code PACKET_MULTICAST}. */
    public static final int PACKET_MULTICAST = 2;
    /** {@code PACKET_OTHERHOST}: to someone else. */
    public static final int PACKET_OTHERHOST = 3;
    /** {@code QDISC_CB_PRIV_LEN}: the bytes of {@code __sk_buff.cb[5]}. */
    public static final int CB_SIZE = 20;

    private int protocol;
    private int pktType;
    private int mark;
    private int priority;
    private int queueMapping;
    private boolean vlanPresent;
    private int vlanTci;
    private int vlanProto;
    private int ingressIfindex;
    private int ifindex;
    private int tcIndex;
    private byte[] cb = new byte[CB_SIZE];
    private int hash;
    private boolean swHash;
    private boolean l4Hash;
    private int tcClassid;
    private int napiId;
    private int wireLen;
    private int gsoSegs;
    private int gsoSize;
    private long tstamp;
    private long hwtstamp;
    private boolean encapsulation;
    private ChecksumState checksum = ChecksumState.NONE;
    private int csumLevel;
    private Redirect redirect;

    /** {@return a copy of every field} */
    SkbMetadata copy() {
        SkbMetadata c = new SkbMetadata();
        c.protocol = protocol;
        c.pktType = pktType;
        c.mark = mark;
        c.priority = priority;
        c.queueMapping = queueMapping;
        c.vlanPresent = vlanPresent;
        c.vlanTci = vlanTci;
        c.vlanProto = vlanProto;
        c.ingressIfindex = ingressIfindex;
        c.ifindex = ifindex;
        c.tcIndex = tcIndex;
        c.hash = hash;
        c.swHash = swHash;
        c.l4Hash = l4Hash;
        c.tcClassid = tcClassid;
        c.napiId = napiId;
        c.wireLen = wireLen;
        c.gsoSegs = gsoSegs;
        c.gsoSize = gsoSize;
        c.tstamp = tstamp;
        c.hwtstamp = hwtstamp;
        c.encapsulation = encapsulation;
        c.checksum = checksum;
        c.csumLevel = csumLevel;
        c.redirect = redirect;
        c.cb = cb.clone();
        return c;
    }

    /** {@return the ethertype, {@code skb->protocol}, as a number (0x0800 for IPv4)} */
    public int protocol() {
        return protocol;
    }

    /** Sets the ethertype (low 16 bits). */
    public void setProtocol(int v) {
        protocol = v & 0xffff;
    }

    /** {@return {@code skb->pkt_type}: one of the {@code PACKET_*} constants} */
    public int pktType() {
        return pktType;
    }

    /** Sets {@code pkt_type} (a 3-bit field). */
    public void setPktType(int v) {
        pktType = v & 7;
    }

    /** {@return {@code skb->mark}} */
    public int mark() {
        return mark;
    }

    /** Sets {@code skb->mark}. */
    public void setMark(int v) {
        mark = v;
    }

    /** {@return {@code skb->priority}} */
    public int priority() {
        return priority;
    }

    /** Sets {@code skb->priority}. */
    public void setPriority(int v) {
        priority = v;
    }

    /** {@return {@code skb->queue_mapping} (16 bits)} */
    public int queueMapping() {
        return queueMapping;
    }

    /** Sets {@code queue_mapping} (low 16 bits). */
    public void setQueueMapping(int v) {
        queueMapping = v & 0xffff;
    }

    /** {@return whether an accelerated VLAN tag is present} */
    public boolean vlanPresent() {
        return vlanPresent;
    }

    /** {@return the accelerated tag's TCI} */
    public int vlanTci() {
        return vlanTci;
    }

    /** {@return the accelerated tag's protocol (0x8100 or 0x88a8) as a number} */
    public int vlanProto() {
        return vlanProto;
    }

    /** Puts an accelerated VLAN tag ({@code __vlan_hwaccel_put_tag()}). */
    public void putVlanTag(int proto, int tci) {
        vlanPresent = true;
        vlanProto = proto & 0xffff;
        vlanTci = tci & 0xffff;
    }

    /** Removes the accelerated VLAN tag ({@code __vlan_hwaccel_clear_tag()}); the kernel keeps the old proto and TCI bits zeroed. */
    public void clearVlanTag() {
        vlanPresent = false;
        vlanProto = 0;
        vlanTci = 0;
    }

    /** {@return {@code skb->skb_iif}, read as {@code ingress_ifindex}} */
    public int ingressIfindex() {
        return ingressIfindex;
    }

    /** Sets {@code skb_iif}. */
    public void setIngressIfindex(int v) {
        ingressIfindex = v;
    }

    /** {@return the ifindex of {@code skb->dev}} */
    public int ifindex() {
        return ifindex;
    }

    /** Sets the device's ifindex. */
    public void setIfindex(int v) {
        ifindex = v;
    }

    /** {@return {@code skb->tc_index} (16 bits)} */
    public int tcIndex() {
        return tcIndex;
    }

    /** Sets {@code tc_index} (low 16 bits). */
    public void setTcIndex(int v) {
        tcIndex = v & 0xffff;
    }

    /** {@return the 20 bytes of {@code qdisc_skb_cb->data}, seen as {@code cb[5]} (live, not a copy)} */
    public byte[] cb() {
        return cb;
    }

    /** {@return {@code skb->hash}} */
    public int hash() {
        return hash;
    }

    /** {@return whether the hash was set by software ({@code sw_hash})} */
    public boolean isSwHash() {
        return swHash;
    }

    /** {@return whether the hash covers layer 4 ({@code l4_hash})} */
    public boolean isL4Hash() {
        return l4Hash;
    }

    /** Sets the hash and its kind ({@code __skb_set_hash()}). */
    public void setHash(int v, boolean sw, boolean l4) {
        hash = v;
        swHash = sw;
        l4Hash = l4;
    }

    /** Forgets the hash ({@code skb_clear_hash()}). */
    public void clearHash() {
        setHash(0, false, false);
    }

    /** {@return {@code qdisc_skb_cb->tc_classid} (16 bits)} */
    public int tcClassid() {
        return tcClassid;
    }

    /** Sets {@code tc_classid} (low 16 bits). */
    public void setTcClassid(int v) {
        tcClassid = v & 0xffff;
    }

    /** {@return {@code skb->napi_id}} */
    public int napiId() {
        return napiId;
    }

    /** Sets {@code napi_id}. */
    public void setNapiId(int v) {
        napiId = v;
    }

    /** {@return {@code qdisc_skb_cb->pkt_len}, read as {@code wire_len}} */
    public int wireLen() {
        return wireLen;
    }

    /** Sets {@code wire_len}. */
    public void setWireLen(int v) {
        wireLen = v;
    }

    /** {@return {@code skb_shinfo()->gso_segs} (16 bits)} */
    public int gsoSegs() {
        return gsoSegs;
    }

    /** Sets {@code gso_segs} (low 16 bits). */
    public void setGsoSegs(int v) {
        gsoSegs = v & 0xffff;
    }

    /** {@return {@code skb_shinfo()->gso_size} (16 bits); non-zero means a GSO skb} */
    public int gsoSize() {
        return gsoSize;
    }

    /** Sets {@code gso_size} (low 16 bits). */
    public void setGsoSize(int v) {
        gsoSize = v & 0xffff;
    }

    /** {@return whether this is a GSO skb ({@code skb_is_gso()})} */
    public boolean isGso() {
        return gsoSize != 0;
    }

    /** {@return {@code skb->tstamp}} */
    public long tstamp() {
        return tstamp;
    }

    /** Sets {@code skb->tstamp}. */
    public void setTstamp(long v) {
        tstamp = v;
    }

    /** {@return {@code skb_shinfo()->hwtstamps.hwtstamp}} */
    public long hwtstamp() {
        return hwtstamp;
    }

    /** Sets the hardware timestamp. */
    public void setHwtstamp(long v) {
        hwtstamp = v;
    }

    /** {@return whether the skb carries an encapsulated packet ({@code skb->encapsulation})} */
    public boolean isEncapsulation() {
        return encapsulation;
    }

    /** Sets {@code skb->encapsulation}. */
    public void setEncapsulation(boolean v) {
        encapsulation = v;
    }

    /** {@return {@code skb->ip_summed}} */
    public ChecksumState checksum() {
        return checksum;
    }

    /** {@return {@code skb->csum_level} (0–3), meaningful with {@link ChecksumState#UNNECESSARY}} */
    public int csumLevel() {
        return csumLevel;
    }

    /** Sets {@code ip_summed} and {@code csum_level}. */
    public void setChecksum(ChecksumState state, int level) {
        checksum = state;
        csumLevel = level;
    }

    /** {@return the redirect a helper recorded for this skb, or null} */
    public Redirect redirect() {
        return redirect;
    }

    /** Records (or, with null, clears) the redirect target ({@code bpf_redirect_info}). */
    public void setRedirect(Redirect r) {
        redirect = r;
    }
}
