#!/usr/bin/env python3
"""Records how the running kernel treats maps, as fixtures for ebpf-jvm's map tests.

Needs root and a kernel that allows bpf(2); uses only BPF_MAP_CREATE, BPF_MAP_*_ELEM,
BPF_MAP_GET_NEXT_KEY, BPF_PROG_LOAD (unattached socket-less SCHED_CLS programs) and
BPF_PROG_TEST_RUN, through ctypes (standard library only). Writes into the directory given
(default: core/src/test/resources/dev/ebpfjvm/core/maps):

  kernel-map-create.txt   BPF_MAP_CREATE results for a grid of specs and map-in-map cases
  kernel-hash-order.txt   get_next_key order of BPF_F_ZERO_SEED hash maps
  kernel-ringbuf.txt      bpf_ringbuf_reserve() results (record positions, or null)

Usage: sudo tools/map-probe/probe.py [outdir]
"""
import ctypes
import errno
import os
import platform
import struct
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "core/src/test/resources/dev/ebpfjvm/core/maps"
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
TYPES = {"hash": 1, "array": 2, "prog_array": 3, "percpu_hash": 5, "percpu_array": 6, "lru_hash": 9,
         "lru_percpu_hash": 10, "array_of_maps": 12, "hash_of_maps": 13, "ringbuf": 27}


def bpf(cmd, attr):
    buf = ctypes.create_string_buffer(attr, 256)
    r = libc.syscall(321, ctypes.c_int(cmd), buf, ctypes.c_uint(256))
    return -ctypes.get_errno() if r < 0 else r


def errname(r):
    return "ok" if r >= 0 else ("ENOTSUPP" if r == -524 else errno.errorcode[-r])


def create(t, ks, vs, me, flags, inner_fd=0):
    return bpf(0, struct.pack("<IIIIIII", TYPES[t], ks, vs, me, flags, inner_fd, 0) + b"\0" * 16)


def update(fd, key, val, flags=0):
    kb = ctypes.create_string_buffer(key, len(key))
    vb = ctypes.create_string_buffer(val, len(val))
    return bpf(2, struct.pack("<IIQQQ", fd, 0, ctypes.addressof(kb), ctypes.addressof(vb), flags))


def next_key(fd, key, ks):
    kb = ctypes.create_string_buffer(key, len(key)) if key is not None else None
    nb = ctypes.create_string_buffer(ks)
    r = bpf(4, struct.pack("<IIQQQ", fd, 0, ctypes.addressof(kb) if kb else 0, ctypes.addressof(nb), 0))
    return r, nb.raw


def spec(t, ks, vs, me, flags):
    return "%s %d %d %d 0x%x" % (t, ks, vs, me, flags)


def create_fixture(out):
    flag_sets = [0] + [1 << b for b in range(13)] + [(1 << 3) | (1 << 4), (1 << 7) | (1 << 8)]
    plain = ["array", "percpu_array", "prog_array", "hash", "percpu_hash", "lru_hash", "lru_percpu_hash", "ringbuf"]
    for t in plain:
        for ks in (0, 4, 8):
            for vs in (0, 4, 13):
                for me in (0, 1, 3, 4096):
                    for flags in flag_sets:
                        r = create(t, ks, vs, me, flags)
                        out.write("%s -> %s\n" % (spec(t, ks, vs, me, flags), errname(r)))
                        if r >= 0:
                            os.close(r)
    sizes = [("array", 4, 1 << 31, 1, 0), ("array", 4, 0xffffffff, 1, 0), ("percpu_array", 4, 32768, 1, 0),
             ("percpu_array", 4, 32769, 1, 0), ("percpu_array", 4, 32761, 1, 0), ("hash", 4, 4194251, 1, 0),
             ("hash", 4, 4194252, 1, 0), ("hash", 0xffffffff, 4, 1, 0), ("percpu_hash", 4, 32768, 1, 0),
             ("percpu_hash", 4, 32769, 1, 0), ("lru_percpu_hash", 8, 32769, 1, 0), ("hash", 4, 8, (1 << 31) + 1, 0),
             ("ringbuf", 0, 0, 8192, 0), ("ringbuf", 0, 0, 12288, 0), ("ringbuf", 0, 0, 2048, 0),
             ("ringbuf", 0, 0, 1 << 31, 0)]
    for t, ks, vs, me, flags in sizes:
        r = create(t, ks, vs, me, flags)
        out.write("%s -> %s\n" % (spec(t, ks, vs, me, flags), errname(r)))
        if r >= 0:
            os.close(r)
    inners = [("array", 4, 8, 4, 0), ("percpu_array", 4, 8, 4, 0), ("hash", 4, 8, 4, 0), ("lru_hash", 4, 8, 4, 0),
              ("ringbuf", 0, 0, 4096, 0), ("prog_array", 4, 4, 4, 0), ("array", 4, 8, 4, 1 << 12)]
    for outer in ("array_of_maps", "hash_of_maps"):
        for vs in (4, 8):
            r = create(outer, 4, vs, 2, 0, 0)
            out.write("%s inner=none -> %s\n" % (spec(outer, 4, vs, 2, 0), errname(r)))
            for inner in inners:
                ifd = create(*inner)
                r = create(outer, 4, vs, 2, 0, ifd)
                out.write("%s inner=%s -> %s\n" % (spec(outer, 4, vs, 2, 0), spec(*inner).replace(" ", ","), errname(r)))
                if r >= 0:
                    os.close(r)
                os.close(ifd)
    candidates = [("array", 4, 8, 4, 0), ("array", 4, 8, 5, 0), ("array", 4, 16, 4, 0), ("array", 4, 8, 4, 1 << 7),
                  ("percpu_array", 4, 8, 4, 0), ("hash", 4, 8, 4, 0), ("hash", 4, 8, 100, 0), ("hash", 4, 8, 4, 1),
                  ("ringbuf", 0, 0, 8192, 0), ("array", 4, 8, 9, 1 << 12)]
    for outer in ("array_of_maps", "hash_of_maps"):
        for template in inners[:5] + inners[6:]:
            tfd = create(*template)
            ofd = create(outer, 4, 4, 2, 0, tfd)
            for cand in candidates:
                cfd = create(*cand)
                r = update(ofd, struct.pack("<I", 0), struct.pack("<I", cfd))
                out.write("set %s inner=%s value=%s -> %s\n" % (outer, spec(*template).replace(" ", ","),
                                                                spec(*cand).replace(" ", ","), errname(r)))
                os.close(cfd)
            os.close(ofd)
            os.close(tfd)


def order_fixture(out):
    for ks in (1, 3, 4, 5, 8, 12, 13, 16, 24, 25):
        for me in (16, 100):
            keys = [bytes((i * 37 + j * 11 + me) & 0xff for j in range(ks)) for i in range(1, 11)]
            fd = create("hash", ks, 8, me, 1 << 6)
            for k in keys:
                assert update(fd, k, b"\0" * 8) == 0
            order, k = [], None
            while True:
                r, nk = next_key(fd, k, ks)
                if r < 0:
                    break
                order.append(nk)
                k = nk
            os.close(fd)
            out.write("%d %d %s -> %s\n" % (ks, me, ",".join(x.hex() for x in keys), ",".join(x.hex() for x in order)))


def insn(code, dst=0, src=0, off=0, imm=0):
    return struct.pack("<BBhi", code, (src << 4) | dst, off, imm)


def reserve_prog(mfd, size):
    """r0 = 1 + producer position after reserve(size) and submit, or 0 when reserve gave NULL."""
    ld_map = insn(0x18, 1, 1, 0, mfd) + insn(0)
    p = ld_map + insn(0xb7, 2, 0, 0, size) + insn(0xb7, 3) + insn(0x85, imm=131)
    p += insn(0x55, 0, 0, 2, 0) + insn(0xb7, 0) + insn(0x95)
    p += insn(0xbf, 1, 0) + insn(0xb7, 2) + insn(0x85, imm=132)
    p += ld_map + insn(0xb7, 2, 0, 0, 3) + insn(0x85, imm=134) + insn(0x07, 0, 0, 0, 1) + insn(0x95)
    lic, ib = ctypes.create_string_buffer(b"GPL"), ctypes.create_string_buffer(p, len(p))
    fd = bpf(5, struct.pack("<IIQQIIQ", 3, len(p) // 8, ctypes.addressof(ib), ctypes.addressof(lic), 0, 0, 0))
    assert fd >= 0, fd
    return fd


def test_run(pfd):
    data = ctypes.create_string_buffer(64)
    buf = ctypes.create_string_buffer(struct.pack("<IIIIQQII", pfd, 0, 64, 0, ctypes.addressof(data), 0, 1, 0), 256)
    assert libc.syscall(321, ctypes.c_int(10), buf, ctypes.c_uint(256)) == 0
    return struct.unpack_from("<I", buf.raw, 4)[0]


def ringbuf_fixture(out):
    scenarios = [(4096, [4088]), (4096, [4080]), (4096, [0, 0, 1, 7, 8, 9]), (4096, [1000, 1000, 1000, 1064, 1056, 0]),
                 (8192, [4096, 4088, 8]), (4096, [5000])]
    for ring, sizes in scenarios:
        m = create("ringbuf", 0, 0, ring, 0)
        res = []
        for s in sizes:
            pfd = reserve_prog(m, s)
            r = test_run(pfd)
            os.close(pfd)
            res.append(str(r - 1) if r else "null")
        os.close(m)
        out.write("%d %s -> %s\n" % (ring, ",".join(map(str, sizes)), ",".join(res)))


def main():
    head = "# Generated by tools/map-probe/probe.py on Linux %s (%d possible CPUs); do not edit.\n" % (
        platform.release(), os.cpu_count())
    for name, fn in (("kernel-map-create.txt", create_fixture), ("kernel-hash-order.txt", order_fixture),
                     ("kernel-ringbuf.txt", ringbuf_fixture)):
        with open(os.path.join(OUT, name), "w") as out:
            out.write(head)
            fn(out)
        print("wrote", os.path.join(OUT, name))


main()
