# packet_parser: parse Ethernet, IPv4 (variable IHL) and TCP with bounds checks against the end
# of the buffer, build the key daddr << 32 | dport on the stack, look it up in a hash map and
# return the action stored there (the shape of research/jvm-facts.md's program A).
# Calling convention: r1 = packet, r2 = its length. mem: 64 bytes. MAP is replaced by the map.
mov %r6, %r1
mov %r7, %r1
add %r7, %r2
mov %r3, %r6
add %r3, 14
jgt %r3, %r7, drop
ldxh %r4, [%r6+12]
jne %r4, 0x0008, drop
mov %r3, %r6
add %r3, 34
jgt %r3, %r7, drop
ldxb %r4, [%r6+14]
and %r4, 0x0f
lsh %r4, 2
jlt %r4, 20, drop
ldxb %r5, [%r6+23]
jne %r5, 6, drop
mov %r3, %r6
add %r3, 14
add %r3, %r4
mov %r8, %r3
add %r8, 20
jgt %r8, %r7, drop
ldxh %r5, [%r3+2]
ldxw %r4, [%r6+30]
lsh %r4, 32
or %r4, %r5
stxdw [%r10-8], %r4
lddw %r1, MAP
mov %r2, %r10
add %r2, -8
call 1
jeq %r0, 0, pass
ldxw %r0, [%r0+0]
exit
pass:
mov %r0, 0
exit
drop:
mov %r0, 2
exit
