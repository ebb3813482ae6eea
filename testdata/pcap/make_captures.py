#!/usr/bin/env python3
"""Writes the pcap/pcapng fixtures of dev.ebpfjvm.core.pcap tests with Python's struct module,
independently of the Java writer, and beside each capture NAME.txt: one line per packet,
"timestamp_ns interface original_length captured_hex", computed here from the same inputs.

Run from anywhere: python3 testdata/pcap/make_captures.py (writes next to this script)."""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def frame(n, length):
    """An Ethernet frame: dst, src, IPv4 ethertype, then a counting payload."""
    head = bytes([0x02, 0, 0, 0, 0, n & 0xff, 0x02, 0, 0, 0, 1, n & 0xff, 0x08, 0x00])
    return head + bytes((n * 7 + i) & 0xff for i in range(length - len(head)))


# (seconds, nanoseconds within the second, original length, captured length)
PACKETS = [
    (1_700_000_000, 123_456_000, 60, 60),
    (1_700_000_001, 999_999_000, 1514, 1514),
    (1_700_000_002, 1_000, 1514, 96),       # 96 of 1514 bytes captured
    (4_000_000_000, 500_000, 42, 42),       # seconds beyond 2^31: unsigned
]


def pcap(name, endian, nanos, snaplen=65535, linktype=1):
    magic = 0xa1b23c4d if nanos else 0xa1b2c3d4
    out = [struct.pack(endian + "IHHiIII", magic, 2, 4, 0, 0, snaplen, linktype)]
    lines = []
    for i, (sec, ns, orig, cap) in enumerate(PACKETS):
        data = frame(i, orig)[:cap]
        frac = ns if nanos else ns // 1000
        out.append(struct.pack(endian + "IIII", sec, frac, cap, orig) + data)
        ts = sec * 10**9 + (frac if nanos else frac * 1000)
        lines.append("%d 0 %d %s" % (ts, orig, data.hex()))
    write(name, b"".join(out), lines)


def pad4(b):
    return b + b"\0" * (-len(b) % 4)


def option(e, code, value):
    return struct.pack(e + "HH", code, len(value)) + pad4(value)


def block(e, btype, body):
    body = pad4(body)
    n = len(body) + 12
    return struct.pack(e + "II", btype, n) + body + struct.pack(e + "I", n)


def shb(e, options=b""):
    return block(e, 0x0a0d0d0a, struct.pack(e + "IHHq", 0x1a2b3c4d, 1, 0, -1) + options)


def idb(e, snaplen, options=b""):
    return block(e, 1, struct.pack(e + "HHI", 1, 0, snaplen) + options)


def epb(e, iface, units, orig, data, options=b""):
    return block(e, 6, struct.pack(e + "IIIII", iface, units >> 32, units & 0xffffffff, len(data), orig)
                 + pad4(data) + options)


def pcapng():
    end = struct.pack("<HH", 0, 0)
    lines = []
    out = []
    # Section 1, little-endian, with an shb_userappl option; interface 0 in microseconds (the
    # default), interface 1 in nanoseconds with if_tsoffset of 10 seconds.
    e = "<"
    out.append(shb(e, option(e, 4, b"make_captures.py") + end))
    out.append(idb(e, 65535, option(e, 2, b"eth0") + end))
    out.append(idb(e, 128, option(e, 9, b"\x09") + option(e, 14, struct.pack(e + "q", 10)) + end))
    d0 = frame(0, 60)
    out.append(epb(e, 0, 1_700_000_000_123_456, 60, d0))
    lines.append("%d 0 60 %s" % (1_700_000_000_123_456_000, d0.hex()))
    d1 = frame(1, 1514)[:128]
    out.append(epb(e, 1, 1_700_000_000_000_000_001, 1514, d1, option(e, 1, b"cut to 128") + end))
    lines.append("%d 1 1514 %s" % (1_700_000_010_000_000_001, d1.hex()))
    out.append(block(e, 0x00000bad, b"an unknown block, skipped"))
    out.append(block(e, 5, struct.pack(e + "IIII", 0, 0, 0, 0)))  # interface statistics, skipped
    d2 = frame(2, 70)
    out.append(block(e, 3, struct.pack(e + "I", 70) + d2))  # simple packet block: interface 0, no time
    lines.append("0 0 70 %s" % d2.hex())
    # Section 2, big-endian: its interfaces start again at 0; 2^-20 second units; an obsolete
    # packet block.
    e = ">"
    end = struct.pack(e + "HH", 0, 0)
    out.append(shb(e))
    out.append(idb(e, 0, option(e, 9, b"\x94") + end))
    units = (1_700_000_003 << 20) + (1 << 19)  # 1_700_000_003.5 s
    d3 = frame(3, 99)
    out.append(epb(e, 0, units, 99, d3))
    lines.append("%d 0 99 %s" % (1_700_000_003_500_000_000, d3.hex()))
    d4 = frame(4, 64)
    out.append(block(e, 2, struct.pack(e + "HHIIII", 0, 0, units >> 32, (units + 1) & 0xffffffff, 64, 64) + d4))
    # one 2^-20 s unit is 953.67 ns: truncated to 953
    lines.append("%d 0 64 %s" % (1_700_000_003_500_000_953, d4.hex()))
    write("sections.pcapng", b"".join(out), lines)


def write(name, data, lines):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    if lines is not None:
        with open(os.path.join(HERE, name.rsplit(".", 1)[0] + ".txt"), "w") as f:
            f.write("\n".join(lines) + "\n")


pcap("micros-le.pcap", "<", False)
pcap("micros-be.pcap", ">", False)
pcap("nanos-le.pcap", "<", True)
pcap("nanos-be.pcap", ">", True)
pcapng()
# LINKTYPE_RAW (101): refused at the file header's link type field, offset 20.
write("raw-ip.pcap", struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 101), None)
