package dev.ebpfjvm.core.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Little-endian views of {@code byte[]}, as static final VarHandles so that C2 treats them as
 * constants (research/jvm-facts.md, item 1: within 1.2× of Unsafe, fully bounds-checked). An
 * index outside the array throws {@link IndexOutOfBoundsException}, which the engines turn into a
 * program fault at the program boundary.
 */
public final class LittleEndian {
    /** 2-byte view. */
    public static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    /** 4-byte view; atomic access modes only on JDK 17–21 (see {@code exec.Atomics}). */
    public static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** 8-byte view; atomic access modes only on JDK 17–21 (see {@code exec.Atomics}). */
    public static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {}

    /** {@return the unsigned byte at index i} */
    public static long getU8(byte[] a, int i) {
        return a[i] & 0xffL;
    }

    /** {@return the unsigned 16-bit value at index i} */
    public static long getU16(byte[] a, int i) {
        return (short) SHORT.get(a, i) & 0xffffL;
    }

    /** {@return the unsigned 32-bit value at index i} */
    public static long getU32(byte[] a, int i) {
        return (int) INT.get(a, i) & 0xffffffffL;
    }

    /** {@return the 64-bit value at index i} */
    public static long getU64(byte[] a, int i) {
        return (long) LONG.get(a, i);
    }

    /** Stores the low byte of v at index i. */
    public static void putU8(byte[] a, int i, long v) {
        a[i] = (byte) v;
    }

    /** Stores the low 16 bits of v at index i. */
    public static void putU16(byte[] a, int i, long v) {
        SHORT.set(a, i, (short) v);
    }

    /** Stores the low 32 bits of v at index i. */
    public static void putU32(byte[] a, int i, long v) {
        INT.set(a, i, (int) v);
    }

    /** Stores v at index i. */
    public static void putU64(byte[] a, int i, long v) {
        LONG.set(a, i, v);
    }

    /** {@return the unsigned value of 1, 2, 4 or 8 bytes at index i} */
    public static long get(byte[] a, int i, int size) {
        switch (size) {
            case 1:
                return getU8(a, i);
            case 2:
                return getU16(a, i);
            case 4:
                return getU32(a, i);
            case 8:
                return getU64(a, i);
            default:
                throw new IllegalArgumentException("size " + size);
        }
    }

    /** Stores the low 1, 2, 4 or 8 bytes of v at index i. */
    public static void put(byte[] a, int i, int size, long v) {
        switch (size) {
            case 1:
                putU8(a, i, v);
                break;
            case 2:
                putU16(a, i, v);
                break;
            case 4:
                putU32(a, i, v);
                break;
            case 8:
                putU64(a, i, v);
                break;
            default:
                throw new IllegalArgumentException("size " + size);
        }
    }
}
