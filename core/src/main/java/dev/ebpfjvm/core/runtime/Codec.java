package dev.ebpfjvm.core.runtime;

import dev.ebpfjvm.core.memory.LittleEndian;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How a Java value is laid out as a map key or value: the bytes a C struct of that size holds,
 * little-endian as on x86-64.
 *
 * @param <T> the Java type
 */
public interface Codec<T> {
    /** {@code __u32} as an {@link Integer} (bit for bit: values above 2^31 are negative). */
    Codec<Integer> U32 = fixed(4, (b, v) -> LittleEndian.putU32(b, 0, v), b -> (int) LittleEndian.getU32(b, 0));

    /** {@code __u64} as a {@link Long} (bit for bit). */
    Codec<Long> U64 = fixed(8, (b, v) -> LittleEndian.putU64(b, 0, v), b -> LittleEndian.getU64(b, 0));

    /** {@return raw bytes of a fixed size} */
    static Codec<byte[]> bytes(int size) {
        return fixed(
                size,
                (b, v) -> {
                    if (v.length != size) {
                        throw new IllegalArgumentException("expected " + size + " bytes, got " + v.length);
                    }
                    System.arraycopy(v, 0, b, 0, size);
                },
                byte[]::clone);
    }

    /**
     * {@return a codec of {@code size} bytes}
     *
     * @param put writes a value into a zeroed array of {@code size} bytes
     * @param get reads a value from {@code size} bytes
     */
    static <T> Codec<T> fixed(int size, BiConsumer<byte[], T> put, Function<byte[], T> get) {
        return new Codec<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public byte[] encode(T value) {
                byte[] b = new byte[size];
                put.accept(b, value);
                return b;
            }

            @Override
            public T decode(byte[] bytes) {
                return get.apply(bytes);
            }
        };
    }

    /** {@return the size in bytes} */
    int size();

    /** {@return the bytes of a value, {@link #size()} long} */
    byte[] encode(T value);

    /** {@return the value of {@link #size()} bytes} */
    T decode(byte[] bytes);
}
