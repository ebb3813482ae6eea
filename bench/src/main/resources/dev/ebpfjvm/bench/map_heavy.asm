# map_heavy: 100 iterations of an array-map lookup (key i & 15) followed by an atomic add of 1 to
# the value found, then a hash-map update of key i & 7 with i; returns the iteration count.
# Calling convention: r1 = buffer (unused), r2 = length. mem: 64 bytes. ARRAY and HASH are replaced.
mov %r6, 0
loop:
mov %r1, %r6
and %r1, 15
stxw [%r10-4], %r1
lddw %r1, ARRAY
mov %r2, %r10
add %r2, -4
call 1
jeq %r0, 0, next
mov %r1, 1
lock add [%r0+0], %r1
next:
mov %r1, %r6
and %r1, 7
stxw [%r10-8], %r1
stxdw [%r10-16], %r6
lddw %r1, HASH
mov %r2, %r10
add %r2, -8
mov %r3, %r10
add %r3, -16
mov %r4, 0
call 2
add %r6, 1
jlt %r6, 100, loop
mov %r0, %r6
exit
