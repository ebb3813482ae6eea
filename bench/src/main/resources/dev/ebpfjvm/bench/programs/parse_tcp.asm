# parse_tcp: the header walk of a tc classifier over one frame: Ethernet with at most one
# 802.1Q tag, IPv4 (version, IHL, options skipped through a variable offset, fragments left
# alone), TCP (data offset), every step bounds-checked against data_end as the verifier demands.
# Returns a 5-tuple flow hash for TCP, 1 (pass) for frames it does not classify, 0 (drop) for
# malformed ones.
# Calling convention: r1 = frame (its first byte is the Ethernet header), r2 = frame length. mem: 64 bytes.
mov %r6, %r1
mov %r9, %r1
add %r9, %r2
mov %r0, 1
mov %r3, %r6
add %r3, 14
jgt %r3, %r9, drop
ldxh %r4, [%r6+12]
be16 %r4
mov %r6, %r3
jne %r4, 0x8100, untagged
mov %r3, %r6
add %r3, 4
jgt %r3, %r9, drop
ldxh %r4, [%r6+2]
be16 %r4
mov %r6, %r3
untagged:
jne %r4, 0x0800, done
mov %r3, %r6
add %r3, 20
jgt %r3, %r9, drop
ldxb %r4, [%r6]
mov %r5, %r4
rsh %r5, 4
jne %r5, 4, drop
and %r4, 0xf
lsh %r4, 2
jlt %r4, 20, drop
mov %r3, %r6
add %r3, %r4
jgt %r3, %r9, drop
ldxb %r5, [%r6+9]
jne %r5, 6, done
ldxh %r7, [%r6+6]
be16 %r7
and %r7, 0x3fff
jne %r7, 0, done
ldxw %r7, [%r6+12]
ldxw %r8, [%r6+16]
mov %r6, %r3
add %r3, 20
jgt %r3, %r9, drop
ldxb %r3, [%r6+12]
rsh %r3, 4
jlt %r3, 5, drop
lsh %r3, 2
add %r3, %r6
jgt %r3, %r9, drop
ldxh %r4, [%r6]
be16 %r4
ldxh %r5, [%r6+2]
be16 %r5
ldxb %r2, [%r6+13]
mov %r0, %r7
lsh %r0, 32
or %r0, %r8
lsh %r4, 16
or %r4, %r5
xor %r0, %r4
mul %r0, 0x1e3779b1
mov %r3, %r0
rsh %r3, 29
xor %r0, %r3
lsh %r0, 8
or %r0, %r2
done:
exit
drop:
mov %r0, 0
exit
