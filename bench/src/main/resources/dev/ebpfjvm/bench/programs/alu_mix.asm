# alu_mix: 1000 iterations of a xorshift64 step followed by 32-bit multiply/shift mixing
# (mov32/mul32/rsh32/xor32/add32/arsh32) folded into a 64-bit accumulator.
# Both seeds come from the buffer, so the JVM cannot fold the loop away.
# Calling convention: r1 = buffer (>= 16 bytes), r2 = length. mem: 64 bytes.
ldxdw %r3, [%r1]
ldxw %r4, [%r1+8]
or %r3, 1
mov %r0, 0
mov %r5, 1000
loop:
mov %r6, %r3
lsh %r6, 13
xor %r3, %r6
mov %r6, %r3
rsh %r6, 7
xor %r3, %r6
mov %r6, %r3
lsh %r6, 17
xor %r3, %r6
mov32 %r7, %r3
mul32 %r7, 0x7feb352d
mov32 %r8, %r7
rsh32 %r8, 15
xor32 %r7, %r8
add32 %r4, %r7
arsh32 %r4, 3
add %r0, %r7
xor %r0, %r4
sub %r5, 1
jne %r5, 0, loop
exit
