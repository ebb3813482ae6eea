package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.memory.LittleEndian;

/**
 * Internet checksum arithmetic as the kernel does it on x86-64 (include/net/checksum.h,
 * arch/x86/lib/csum-partial_64.c): 32-bit partial sums ({@code __wsum}) added with end-around
 * carry and folded to 16 bits ({@code __sum16}). All values are what a little-endian CPU sees
 * when it loads the bytes, so, as in the kernel, the arithmetic works on raw network-order data.
 */
final class Checksum {
    private Checksum() {}

    /** {@return {@code csum_add()}: a + b with end-around carry, 32 bits} */
    static int add(int a, int b) {
        int res = a + b;
        return res + (Integer.compareUnsigned(res, b) < 0 ? 1 : 0);
    }

    /** {@return {@code csum_sub()}: a + ~b with end-around carry} */
    static int sub(int a, int b) {
        return add(a, ~b);
    }

    /** {@return {@code csum_fold()}: the 32-bit sum folded to 16 bits and complemented} */
    static int fold(int csum) {
        int sum = (csum & 0xffff) + (csum >>> 16);
        sum = (sum & 0xffff) + (sum >>> 16);
        return ~sum & 0xffff;
    }

    /** {@return {@code csum_from32to16()}: the two halves added with end-around carry, not complemented} */
    static int from32to16(int sum) {
        int s = sum + ((sum >>> 16) | (sum << 16));
        return s >>> 16;
    }

    /** {@return {@code csum16_add()}: 16-bit end-around-carry addition} */
    static int add16(int csum, int addend) {
        int res = (csum + addend) & 0xffff;
        return (res + (res < (addend & 0xffff) ? 1 : 0)) & 0xffff;
    }

    /** {@return {@code csum16_sub()}} */
    static int sub16(int csum, int addend) {
        return add16(csum, ~addend & 0xffff);
    }

    /**
     * {@return {@code csum_partial()}: the 32-bit sum of {@code len} bytes plus {@code seed}} As
     * the x86-64 code: little-endian 8-byte words (the tail zero-padded) added into 64 bits with
     * end-around carry, then the two halves added with end-around carry.
     */
    static int partial(byte[] b, int off, int len, int seed) {
        long sum = seed & 0xffffffffL;
        int i = off;
        int end = off + len;
        for (; end - i >= 8; i += 8) {
            sum = add64(sum, LittleEndian.getU64(b, i));
        }
        if (i < end) {
            long trail = 0;
            for (int k = end - 1; k >= i; k--) {
                trail = (trail << 8) | (b[k] & 0xffL);
            }
            sum = add64(sum, trail);
        }
        return add((int) sum, (int) (sum >>> 32));
    }

    private static long add64(long a, long b) {
        long res = a + b;
        return res + (Long.compareUnsigned(res, b) < 0 ? 1 : 0);
    }

    /**
     * {@return {@code csum_replace_by_diff()}: a checksum updated by a 32-bit difference} The
     * 16-bit check is unfolded by zero extension before it is complemented, as in the kernel.
     */
    static int replaceByDiff(int check, int diff) {
        return fold(add(diff, ~check));
    }

    /** {@return {@code csum_replace4()}: a checksum updated for a 4-byte field changed from {@code from} to {@code to}} */
    static int replace4(int check, int from, int to) {
        int tmp = sub(~check, from);
        return fold(add(tmp, to));
    }

    /** {@return {@code csum_replace2()}: a checksum updated for a 2-byte field} */
    static int replace2(int check, int from, int to) {
        return ~add16(sub16(~check & 0xffff, from), to) & 0xffff;
    }
}
