# call_chain: bpf-to-bpf calls three deep. For each of the 64 u32 words of the buffer,
# acc = mix(acc, word); mix calls round twice and round calls rotl31, so a run makes 320 calls.
# The callees keep values in their own stack frames and in the callee-saved r6, which the
# caller's loop also uses.
# Calling convention: r1 = buffer (>= 256 bytes), r2 = length. mem: 256 bytes.
mov %r6, %r1
mov %r7, 64
mov %r8, 0
loop:
ldxw %r2, [%r6]
mov %r1, %r8
call local mix
mov %r8, %r0
add %r6, 4
sub %r7, 1
jne %r7, 0, loop
mov %r0, %r8
exit
# mix(acc, w) = (acc ^ round(w)) + round((acc ^ round(w)) + w)
mix:
stxdw [%r10-8], %r2
mov %r6, %r1
mov %r1, %r2
call local round
xor %r6, %r0
ldxdw %r2, [%r10-8]
mov %r1, %r6
add %r1, %r2
call local round
add %r0, %r6
exit
# round(x) = rotl31(x * 0x27d4eb2f) ^ (x >> 7)
round:
mov %r6, %r1
mul %r1, 0x27d4eb2f
call local rotl31
rsh %r6, 7
xor %r0, %r6
exit
# rotl31(x): 64-bit rotate left by 31
rotl31:
mov %r0, %r1
lsh %r0, 31
rsh %r1, 33
or %r0, %r1
exit
