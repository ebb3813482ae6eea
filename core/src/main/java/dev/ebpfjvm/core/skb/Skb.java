package dev.ebpfjvm.core.skb;

import java.util.Arrays;
import java.util.Objects;

/**
 * A socket buffer: the packet bytes of one linear {@code struct sk_buff}, with headroom before
 * {@code data} and tailroom after {@code data + len}, the MAC/network/transport header positions,
 * and its scalar fields ({@link #meta()}).
 *
 * <pre>
 *  buffer: | headroom | data ............ data+len | tailroom |
 *          0          data()              dataEnd()           buffer().length
 * </pre>
 *
 * All positions (data, headers) are indices into {@link #buffer()}, which is also the index part of
 * a packet pointer ({@code Address.of(Memory.PACKET_REGION, index)}). Growing past the head- or
 * tailroom replaces the buffer by a larger copy (as {@code pskb_expand_head()} does) and shifts
 * every position; packet pointers taken before then are stale: they still index the new buffer,
 * so they can read or fault but never reach outside it. Callers that expose the buffer (the
 * {@link SkBuffContext}) must republish it after every change.
 *
 * <p>Not thread-safe: an skb belongs to one run at a time.
 */
public final class Skb {
    /** {@code NET_SKB_PAD} on x86-64: the headroom of a freshly built skb. */
    public static final int DEFAULT_HEADROOM = 64;
    /** The tailroom we keep after the data of a fresh skb, so that small growth does not copy. */
    public static final int DEFAULT_TAILROOM = 64;
    /** A header position that was never set ({@code (u16)~0U} in the kernel). */
    public static final int UNSET = -1;

    private byte[] buffer;
    private int data;
    private int len;
    private int macHeader = UNSET;
    private int networkHeader = UNSET;
    private int transportHeader = UNSET;
    private final SkbMetadata meta;

    private Skb(byte[] buffer, int data, int len, SkbMetadata meta) {
        this.buffer = buffer;
        this.data = data;
        this.len = len;
        this.meta = meta;
    }

    /**
     * {@return an skb holding a copy of {@code bytes} as its data, with the default head- and
     * tailroom, no header set and all-zero metadata}
     */
    public static Skb of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        byte[] buffer = new byte[DEFAULT_HEADROOM + bytes.length + DEFAULT_TAILROOM];
        System.arraycopy(bytes, 0, buffer, DEFAULT_HEADROOM, bytes.length);
        return new Skb(buffer, DEFAULT_HEADROOM, bytes.length, new SkbMetadata());
    }

    /** {@return a deep copy: its own buffer and metadata, the same positions ({@code skb_copy()})} */
    public Skb copy() {
        Skb c = new Skb(buffer.clone(), data, len, meta.copy());
        c.macHeader = macHeader;
        c.networkHeader = networkHeader;
        c.transportHeader = transportHeader;
        return c;
    }

    /** {@return the current buffer (head- and tailroom included); replaced when the skb grows} */
    public byte[] buffer() {
        return buffer;
    }

    /** {@return the index of the first data byte, {@code skb->data}} */
    public int data() {
        return data;
    }

    /** {@return the number of data bytes, {@code skb->len}} */
    public int len() {
        return len;
    }

    /** {@return the index just past the data, {@code skb_tail_pointer()}} */
    public int dataEnd() {
        return data + len;
    }

    /** {@return the bytes before the data, {@code skb_headroom()}} */
    public int headroom() {
        return data;
    }

    /** {@return the bytes after the data, {@code skb_tailroom()}} */
    public int tailroom() {
        return buffer.length - data - len;
    }

    /** {@return a copy of the data bytes} */
    public byte[] bytes() {
        return Arrays.copyOfRange(buffer, data, data + len);
    }

    /** {@return the metadata fields} */
    public SkbMetadata meta() {
        return meta;
    }

    /**
     * Makes room for {@code headroom} bytes before the data and {@code tailroom} after it,
     * replacing the buffer when either is short ({@code skb_cow()}, {@code pskb_expand_head()}).
     * The whole old buffer is copied, so headers in the headroom survive.
     */
    public void reserve(int headroom, int tailroom) {
        if (headroom < 0 || tailroom < 0) {
            throw new IllegalArgumentException("negative room " + headroom + "/" + tailroom);
        }
        int extraHead = Math.max(0, headroom - headroom());
        int extraTail = Math.max(0, tailroom - tailroom());
        if (extraHead == 0 && extraTail == 0) {
            return;
        }
        // Round up as the kernel's allocator does, so repeated small growth does not copy each time.
        extraHead = extraHead == 0 ? 0 : extraHead + DEFAULT_HEADROOM;
        extraTail = extraTail == 0 ? 0 : extraTail + DEFAULT_TAILROOM;
        byte[] grown = new byte[buffer.length + extraHead + extraTail];
        System.arraycopy(buffer, 0, grown, extraHead, buffer.length);
        buffer = grown;
        data += extraHead;
        macHeader = shifted(macHeader, extraHead);
        networkHeader = shifted(networkHeader, extraHead);
        transportHeader = shifted(transportHeader, extraHead);
    }

    private static int shifted(int position, int by) {
        return position == UNSET ? UNSET : position + by;
    }

    /** Adds {@code n} bytes before the data, growing the headroom if needed ({@code skb_push()}); they keep whatever the buffer held. */
    public void push(int n) {
        checkCount(n);
        reserve(n, 0);
        data -= n;
        len += n;
    }

    /** Removes {@code n} bytes from the front of the data ({@code __skb_pull()}). */
    public void pull(int n) {
        checkCount(n);
        if (n > len) {
            throw new IllegalArgumentException("pull " + n + " of " + len + " bytes");
        }
        data += n;
        len -= n;
    }

    /** Appends {@code n} zero bytes, growing the tailroom if needed ({@code skb_put_zero()}). */
    public void put(int n) {
        checkCount(n);
        reserve(0, n);
        Arrays.fill(buffer, data + len, data + len + n, (byte) 0);
        len += n;
    }

    /** Cuts the data to {@code newLen} bytes ({@code __skb_trim()}). */
    public void trim(int newLen) {
        if (newLen < 0 || newLen > len) {
            throw new IllegalArgumentException("trim to " + newLen + " of " + len + " bytes");
        }
        len = newLen;
    }

    private static void checkCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative byte count " + n);
        }
    }

    /** {@return whether the MAC header position was set ({@code skb_mac_header_was_set()})} */
    public boolean isMacHeaderSet() {
        return macHeader != UNSET;
    }

    /** {@return whether the transport header position was set} */
    public boolean isTransportHeaderSet() {
        return transportHeader != UNSET;
    }

    /** {@return the buffer index of the MAC header, or {@link #UNSET}} */
    public int macHeader() {
        return macHeader;
    }

    /** Sets the buffer index of the MAC header ({@link #UNSET} to clear). */
    public void setMacHeader(int index) {
        macHeader = index;
    }

    /** {@return the buffer index of the network header, or {@link #UNSET}} */
    public int networkHeader() {
        return networkHeader;
    }

    /** Sets the buffer index of the network header. */
    public void setNetworkHeader(int index) {
        networkHeader = index;
    }

    /** {@return the buffer index of the transport header, or {@link #UNSET}} */
    public int transportHeader() {
        return transportHeader;
    }

    /** Sets the buffer index of the transport header ({@link #UNSET} to clear). */
    public void setTransportHeader(int index) {
        transportHeader = index;
    }

    /** {@return the network header's distance from the data, {@code skb_network_offset()}} */
    public int networkOffset() {
        return networkHeader - data;
    }

    /** {@return the bytes from the MAC to the network header, {@code skb_mac_header_len()}} */
    public int macHeaderLen() {
        return networkHeader - macHeader;
    }

    @Override
    public String toString() {
        return "Skb[len=" + len + " headroom=" + headroom() + " tailroom=" + tailroom() + "]";
    }
}
