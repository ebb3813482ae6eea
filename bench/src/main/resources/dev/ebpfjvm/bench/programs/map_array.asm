# map_array: 100 iterations of an ARRAY map lookup (key i & 15) and an atomic add of 1 to the
# value found, then a HASH map update of key i & 7 with i; returns the iteration count.
# (The map_heavy program of the first EngineBench, with the maps named.)
# Calling convention: r1 = buffer (unused), r2 = length. mem: 64 bytes.
mov %r6, 0
loop:
mov %r1, %r6
and %r1, 15
stxw [%r10-4], %r1
lddw %r1, ${counters}, map_fd
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
lddw %r1, ${last}, map_fd
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
