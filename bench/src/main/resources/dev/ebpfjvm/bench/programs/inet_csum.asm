# inet_csum: the Internet checksum (RFC 1071) of a whole frame, 16 bits at a time in network
# byte order with a bounds check against data_end on every step, an odd trailing byte padded,
# and the carries folded at the end. Returns the ones' complement of the folded sum.
# Calling convention: r1 = frame (1500 bytes), r2 = its length. mem: 1500 bytes.
mov %r0, 0
mov %r6, %r1
mov %r9, %r1
add %r9, %r2
loop:
mov %r3, %r6
add %r3, 2
jgt %r3, %r9, tail
ldxh %r4, [%r6]
be16 %r4
add %r0, %r4
mov %r6, %r3
ja loop
tail:
jge %r6, %r9, fold
ldxb %r4, [%r6]
lsh %r4, 8
add %r0, %r4
fold:
mov %r3, %r0
rsh %r3, 16
jeq %r3, 0, done
and %r0, 0xffff
add %r0, %r3
ja fold
done:
xor %r0, 0xffff
exit
