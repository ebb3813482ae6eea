# parse_lookup: a packet classifier's fast path: parse Ethernet/IPv4/TCP with bounds checks,
# build the key daddr << 32 | dport on the stack, look it up in the HASH map ${flows}
# (u64 key -> u32 action) with bpf_map_lookup_elem, and return the action (1 when no entry
# matches, 0 for frames that are not IPv4/TCP or are malformed).
# Calling convention: r1 = frame, r2 = frame length. mem: 64 bytes.
mov %r6, %r1
mov %r9, %r1
add %r9, %r2
mov %r0, 0
mov %r3, %r6
add %r3, 34
jgt %r3, %r9, done
ldxh %r4, [%r6+12]
jne %r4, 0x0008, done
ldxb %r4, [%r6+14]
mov %r5, %r4
and %r5, 0xf0
jne %r5, 0x40, done
ldxb %r5, [%r6+23]
jne %r5, 6, done
and %r4, 0xf
lsh %r4, 2
jlt %r4, 20, done
ldxw %r7, [%r6+30]
add %r6, %r4
mov %r3, %r6
add %r3, 34
jgt %r3, %r9, done
ldxh %r8, [%r6+16]
lsh %r7, 32
or %r7, %r8
stxdw [%r10-8], %r7
lddw %r1, ${flows}, map_fd
mov %r2, %r10
add %r2, -8
call 1
jeq %r0, 0, miss
ldxw %r0, [%r0]
exit
miss:
mov %r0, 1
done:
exit
