# map_hash: map-heavy flow accounting over the HASH map ${counters} (u32 key -> u64 value).
# For each of the first 32 u32 words of the buffer: look up key = word & 0x1f and add one to its
# counter in place when present; then update key = (word >> 8) & 0x1f with the running total
# (BPF_ANY, which replaces an existing element). 32 lookups (most of which hit once the table has
# filled) and 32 updates per run.
# Returns the running total.
# Calling convention: r1 = buffer (>= 128 bytes), r2 = length. mem: 128 bytes.
mov %r6, %r1
mov %r7, 32
mov %r8, 0
loop:
ldxw %r3, [%r6]
and %r3, 0x1f
stxw [%r10-4], %r3
lddw %r1, ${counters}, map_fd
mov %r2, %r10
add %r2, -4
call 1
mov %r3, 0
jeq %r0, 0, update
ldxdw %r3, [%r0]
add %r3, 1
stxdw [%r0], %r3
update:
add %r8, %r3
ldxw %r3, [%r6]
rsh %r3, 8
and %r3, 0x1f
stxw [%r10-8], %r3
stxdw [%r10-16], %r8
lddw %r1, ${counters}, map_fd
mov %r2, %r10
add %r2, -8
mov %r3, %r10
add %r3, -16
mov %r4, 0
call 2
add %r8, %r0
add %r6, 4
sub %r7, 1
jne %r7, 0, loop
mov %r0, %r8
exit
