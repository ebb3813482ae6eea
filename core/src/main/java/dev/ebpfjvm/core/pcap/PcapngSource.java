package dev.ebpfjvm.core.pcap;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * pcapng: a sequence of blocks, each {@code type, total length, body, total length}, the first of
 * every section a Section Header Block whose byte-order magic fixes the order of that section.
 * Interface Description Blocks declare the interfaces of a section (link type, snapshot length,
 * {@code if_tsresol}, {@code if_tsoffset}); Enhanced, Simple and the obsolete Packet Blocks carry
 * frames; every other block is skipped.
 *
 * <pre>
 *  0               2               4
 * +---------------+---------------+
 * |          block type           |
 * |      block total length       |
 * /          body (padded to 4)   /
 * |      block total length       |
 * +-------------------------------+
 * </pre>
 */
final class PcapngSource implements PacketSource {
    static final int SHB = 0x0a0d0d0a;
    static final int IDB = 1;
    static final int OPB = 2;
    static final int SPB = 3;
    static final int EPB = 6;
    static final int BYTE_ORDER_MAGIC = 0x1a2b3c4d;
    /** libpcap's largest accepted block (MAX_BLOCKSIZE): nothing longer is allocated. */
    static final int MAX_BLOCK = 16 * 1024 * 1024;

    static final int OPT_ENDOFOPT = 0;
    static final int IF_TSRESOL = 9;
    static final int IF_TSOFFSET = 14;

    /** One interface of the current section. */
    private record Iface(int snaplen, long unitsPerSecond, long offsetSeconds) {}

    private final CaptureInput in;
    private ByteOrder order;
    private final List<Iface> interfaces = new ArrayList<>();

    /** Reads the first section header; {@code type} is its already-read block type. */
    PcapngSource(CaptureInput in, byte[] type) {
        this.in = in;
        sectionHeader(in.offset() - 4, type);
    }

    int snaplen() {
        return interfaces.isEmpty() ? 0 : interfaces.get(0).snaplen;
    }

    int interfaceCount() {
        return interfaces.size();
    }

    @Override
    public Packet next() {
        while (true) {
            long start = in.offset();
            byte[] typeBytes = in.readOrEnd(4, "pcapng block type");
            if (typeBytes == null) {
                return null;
            }
            int type = ByteBuffer.wrap(typeBytes).order(order).getInt();
            if (type == SHB) {
                sectionHeader(start, typeBytes);
                continue;
            }
            ByteBuffer body = block(
                    start,
                    ByteBuffer.wrap(in.read(4, "pcapng block length"))
                            .order(order)
                            .getInt(),
                    8,
                    12);
            Packet p = switch (type) {
                case IDB -> {
                    interfaceDescription(start, body);
                    yield null;
                }
                case EPB -> enhanced(start, body);
                case SPB -> simple(start, body);
                case OPB -> obsolete(start, body);
                default -> null;
            };
            if (p != null) {
                return p;
            }
        }
    }

    /** Reads a section header whose type is read: the byte-order magic, the length, the body. */
    private void sectionHeader(long start, byte[] type) {
        byte[] lenAndMagic = in.read(8, "pcapng section header");
        ByteBuffer b = ByteBuffer.wrap(lenAndMagic).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(4);
        if (magic == BYTE_ORDER_MAGIC) {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (Integer.reverseBytes(magic) == BYTE_ORDER_MAGIC) {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new CaptureFormatException(start + 8, String.format("bad byte-order magic 0x%08x", magic));
        }
        ByteBuffer body = block(start, b.order(order).getInt(0), 12, 28);
        int major = body.getShort(0) & 0xffff;
        if (major != 1) {
            throw new CaptureFormatException(start + 12, "pcapng major version " + major + ", expected 1");
        }
        interfaces.clear();
    }

    /**
     * Reads the rest of a block whose first {@code read} bytes are consumed, checks both lengths
     * and returns what follows those bytes up to the trailing length (for a section header: the
     * body after its byte-order magic), its array starting at the buffer's index 0.
     */
    private ByteBuffer block(long start, int length, int read, int minimum) {
        long len = length & 0xffffffffL;
        if (len < minimum) {
            throw new CaptureFormatException(start + 4, "block length " + len + " < " + minimum);
        }
        if (len % 4 != 0) {
            throw new CaptureFormatException(start + 4, "block length " + len + " is not a multiple of 4");
        }
        if (len > MAX_BLOCK) {
            throw new CaptureFormatException(start + 4, "block length " + len + " > " + MAX_BLOCK);
        }
        byte[] rest = in.read((int) len - read, "pcapng block at offset " + start + " of length " + len);
        ByteBuffer r = ByteBuffer.wrap(rest).order(order);
        long trailer = r.getInt(rest.length - 4) & 0xffffffffL;
        if (trailer != len) {
            throw new CaptureFormatException(
                    start + len - 4, "trailing block length " + trailer + " != leading block length " + len);
        }
        return r.limit(rest.length - 4);
    }

    private void interfaceDescription(long start, ByteBuffer body) {
        if (body.limit() < 8) {
            throw new CaptureFormatException(start + 8, "interface description body " + body.limit() + " < 8 bytes");
        }
        int linkType = body.getShort(0) & 0xffff;
        if (linkType != PcapSource.LINKTYPE_ETHERNET) {
            throw new CaptureFormatException(start + 8, "link type " + linkType + " is not LINKTYPE_ETHERNET (1)");
        }
        long snap = body.getInt(4) & 0xffffffffL;
        long units = 1_000_000;
        long offsetSeconds = 0;
        int pos = 8;
        while (pos + 4 <= body.limit()) {
            int code = body.getShort(pos) & 0xffff;
            int len = body.getShort(pos + 2) & 0xffff;
            long at = start + 8 + pos;
            if (code == OPT_ENDOFOPT) {
                break;
            }
            int padded = (len + 3) & ~3;
            if (pos + 4 + padded > body.limit()) {
                throw new CaptureFormatException(at, "option " + code + " of length " + len + " overruns the block");
            }
            if (code == IF_TSRESOL) {
                if (len != 1) {
                    throw new CaptureFormatException(at, "if_tsresol of length " + len + ", expected 1");
                }
                units = unitsPerSecond(at, body.get(pos + 4));
            } else if (code == IF_TSOFFSET) {
                if (len != 8) {
                    throw new CaptureFormatException(at, "if_tsoffset of length " + len + ", expected 8");
                }
                offsetSeconds = body.getLong(pos + 4);
            }
            pos += 4 + padded;
        }
        interfaces.add(new Iface((int) Math.min(snap, Integer.MAX_VALUE), units, offsetSeconds));
    }

    private static long unitsPerSecond(long at, byte resol) {
        int v = resol & 0x7f;
        if ((resol & 0x80) != 0) {
            if (v > 62) {
                throw new CaptureFormatException(at, "if_tsresol 2^-" + v + " is finer than 2^-62");
            }
            return 1L << v;
        }
        if (v > 18) {
            throw new CaptureFormatException(at, "if_tsresol 10^-" + v + " is finer than 10^-18");
        }
        long u = 1;
        for (int i = 0; i < v; i++) {
            u *= 10;
        }
        return u;
    }

    private Iface iface(long at, long id) {
        if (id >= interfaces.size()) {
            throw new CaptureFormatException(
                    at, "interface " + id + " not declared (" + interfaces.size() + " in this section)");
        }
        return interfaces.get((int) id);
    }

    private Packet enhanced(long start, ByteBuffer body) {
        if (body.limit() < 20) {
            throw new CaptureFormatException(start + 8, "enhanced packet body " + body.limit() + " < 20 bytes");
        }
        long id = body.getInt(0) & 0xffffffffL;
        return framed(start, body, iface(start + 8, id), (int) id, ts(body, 4), 12, 20);
    }

    private Packet obsolete(long start, ByteBuffer body) {
        if (body.limit() < 20) {
            throw new CaptureFormatException(start + 8, "packet block body " + body.limit() + " < 20 bytes");
        }
        int id = body.getShort(0) & 0xffff;
        return framed(start, body, iface(start + 8, id), id, ts(body, 4), 12, 20);
    }

    private long ts(ByteBuffer body, int at) {
        return ((body.getInt(at) & 0xffffffffL) << 32) | (body.getInt(at + 4) & 0xffffffffL);
    }

    /** Decodes {@code caplen, origlen} at {@code lens} and the data at {@code dataAt}. */
    private Packet framed(long start, ByteBuffer body, Iface iface, int id, long units, int lens, int dataAt) {
        long cap = body.getInt(lens) & 0xffffffffL;
        long orig = body.getInt(lens + 4) & 0xffffffffL;
        long at = start + 8 + lens;
        if (cap > body.limit() - dataAt) {
            throw new CaptureFormatException(
                    at, "captured length " + cap + " > the " + (body.limit() - dataAt) + " bytes the block holds");
        }
        if (cap > orig) {
            throw new CaptureFormatException(at, "captured length " + cap + " > original length " + orig);
        }
        if (orig > Integer.MAX_VALUE) {
            throw new CaptureFormatException(at + 4, "original length " + orig + " too large");
        }
        byte[] data = Arrays.copyOfRange(body.array(), dataAt, dataAt + (int) cap);
        return new Packet(nanos(iface, units), id, (int) orig, data);
    }

    private Packet simple(long start, ByteBuffer body) {
        if (body.limit() < 4) {
            throw new CaptureFormatException(start + 8, "simple packet body " + body.limit() + " < 4 bytes");
        }
        Iface iface = iface(start + 8, 0);
        long orig = body.getInt(0) & 0xffffffffL;
        if (orig > Integer.MAX_VALUE) {
            throw new CaptureFormatException(start + 8, "original length " + orig + " too large");
        }
        long cap = Math.min(orig, body.limit() - 4);
        if (iface.snaplen > 0) {
            cap = Math.min(cap, iface.snaplen);
        }
        return new Packet(0, 0, (int) orig, Arrays.copyOfRange(body.array(), 4, 4 + (int) cap));
    }

    /** {@return a timestamp of the interface's units as nanoseconds since the epoch} */
    private static long nanos(Iface iface, long units) {
        long ups = iface.unitsPerSecond;
        long offset = iface.offsetSeconds * 1_000_000_000L;
        if (ups == 1_000_000_000L) {
            return units + offset;
        }
        long whole = Long.divideUnsigned(units, ups);
        long rem = Long.remainderUnsigned(units, ups);
        if (ups <= (1L << 33) && whole < Long.MAX_VALUE / 1_000_000_000L) {
            return whole * 1_000_000_000L + rem * 1_000_000_000L / ups + offset;
        }
        BigInteger ns = new BigInteger(Long.toUnsignedString(units))
                .multiply(BigInteger.valueOf(1_000_000_000L))
                .divide(BigInteger.valueOf(ups));
        return ns.longValue() + offset;
    }
}
