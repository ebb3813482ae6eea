package dev.ebpfjvm.core.runtime;

import dev.ebpfjvm.core.memory.LittleEndian;

/**
 * How a Java value is laid out as a map key or value: the bytes a C struct of that size holds,
 * little-endian as on x86-64.
 *
 * @param <T> the Java type
 */
public interface Codec<T> {
    /** {@code __u32} as an {@link Integer} (bit for bit: values above 2^31 are negative). */
    Codec<Integer> U32 = new Codec<>() {
        @Override
        public int size() {
            return 4;
        }

        @Override
        public byte[] encode(Integer value) {
            byte[] b = new byte[4];
            LittleEndian.putU32(b, 0, value);
            return b;
        }

        @Override
        public Integer decode(byte[] bytes) {
            return (int) LittleEndian.getU32(bytes, 0);
        }
    };

    /** {@code __u64} as a {@link Long} (bit for bit). */
    Codec<Long> U64 = new Codec<>() {
        @Override
        public int size() {
            return 8;
        }

        @Override
        public byte[] encode(Long value) {
            byte[] b = new byte[8];
            LittleEndian.putU64(b, 0, value);
            return b;
        }

        @Override
        public Long decode(byte[] bytes) {
            return LittleEndian.getU64(bytes, 0);
        }
    };

    /** {@return raw bytes of a fixed size} */
    static Codec<byte[]> bytes(int size) {
        return new Codec<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public byte[] encode(byte[] value) {
                if (value.length != size) {
                    throw new IllegalArgumentException("expected " + size + " bytes, got " + value.length);
                }
                return value.clone();
            }

            @Override
            public byte[] decode(byte[] bytes) {
                return bytes.clone();
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
