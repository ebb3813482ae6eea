package dev.ebpfjvm.core.maps;

import dev.ebpfjvm.core.memory.LittleEndian;

/**
 * Bob Jenkins' lookup3 hash as the kernel's include/linux/jhash.h computes it, so that hash maps
 * place keys in the same buckets as the kernel and iterate in the same order. {@code jhash()} and
 * {@code jhash2()} (which htab_map_hash() in kernel/bpf/hashtab.c picks for keys whose length is a
 * multiple of 4) agree on little-endian machines, so one byte-wise implementation serves both.
 * Checked against the kernel's iteration order of {@code BPF_F_ZERO_SEED} maps (HashOrderTest).
 */
final class JHash {
    /** {@code JHASH_INITVAL}. */
    private static final int INITVAL = 0xdeadbeef;

    private JHash() {}

    /** {@return jhash(key[off .. off + length), initval)} */
    static int hash(byte[] key, int off, int length, int initval) {
        int a = INITVAL + length + initval;
        int b = a;
        int c = a;
        int i = off;
        int remaining = length;
        while (remaining > 12) {
            a += word(key, i, 4);
            b += word(key, i + 4, 4);
            c += word(key, i + 8, 4);
            // __jhash_mix()
            a -= c;
            a ^= Integer.rotateLeft(c, 4);
            c += b;
            b -= a;
            b ^= Integer.rotateLeft(a, 6);
            a += c;
            c -= b;
            c ^= Integer.rotateLeft(b, 8);
            b += a;
            a -= c;
            a ^= Integer.rotateLeft(c, 16);
            c += b;
            b -= a;
            b ^= Integer.rotateLeft(a, 19);
            a += c;
            c -= b;
            c ^= Integer.rotateLeft(b, 4);
            b += a;
            i += 12;
            remaining -= 12;
        }
        if (remaining == 0) {
            return c;
        }
        a += word(key, i, Math.min(remaining, 4));
        b += word(key, i + 4, Math.max(0, Math.min(remaining - 4, 4)));
        c += word(key, i + 8, Math.max(0, remaining - 8));
        // __jhash_final()
        c ^= b;
        c -= Integer.rotateLeft(b, 14);
        a ^= c;
        a -= Integer.rotateLeft(c, 11);
        b ^= a;
        b -= Integer.rotateLeft(a, 25);
        c ^= b;
        c -= Integer.rotateLeft(b, 16);
        a ^= c;
        a -= Integer.rotateLeft(c, 4);
        b ^= a;
        b -= Integer.rotateLeft(a, 14);
        c ^= b;
        c -= Integer.rotateLeft(b, 24);
        return c;
    }

    /** {@return the little-endian value of {@code n} (0–4) bytes at i, zero-padded above} */
    private static int word(byte[] key, int i, int n) {
        if (n == 4) {
            return (int) LittleEndian.INT.get(key, i);
        }
        int w = 0;
        for (int k = n - 1; k >= 0; k--) {
            w = (w << 8) | (key[i + k] & 0xff);
        }
        return w;
    }
}
