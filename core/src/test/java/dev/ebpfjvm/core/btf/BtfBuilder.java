package dev.ebpfjvm.core.btf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Builds {@code .BTF} sections by hand: types as raw words, a string table and the header. */
final class BtfBuilder {
    private final ByteArrayOutputStream types = new ByteArrayOutputStream();
    private final ByteArrayOutputStream strings = new ByteArrayOutputStream();
    private final Map<String, Integer> offsets = new HashMap<>();
    private int nextId = 1;

    BtfBuilder() {
        strings.write(0);
        offsets.put("", 0);
    }

    /** {@return the offset of a string, added on first use} */
    int str(String s) {
        return offsets.computeIfAbsent(s, k -> {
            int off = strings.size();
            strings.writeBytes(k.getBytes(StandardCharsets.UTF_8));
            strings.write(0);
            return off;
        });
    }

    /** Adds a type header; kind-specific data follows with {@link #words(int...)}. {@return the new id} */
    int type(String name, BtfKind kind, int vlen, boolean kindFlag, int sizeOrType) {
        words(str(name), (kindFlag ? 1 << 31 : 0) | kind.id() << 24 | vlen, sizeOrType);
        return nextId++;
    }

    /** Appends raw little-endian words to the type section. */
    BtfBuilder words(int... values) {
        for (int v : values) {
            types.write(v);
            types.write(v >>> 8);
            types.write(v >>> 16);
            types.write(v >>> 24);
        }
        return this;
    }

    /** {@return the section: a 24-byte header, the types, then the strings} */
    byte[] build() {
        byte[] t = types.toByteArray();
        byte[] s = strings.toByteArray();
        ByteBuffer b = ByteBuffer.allocate(24 + t.length + s.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0xeb9f).put((byte) 1).put((byte) 0).putInt(24);
        b.putInt(0).putInt(t.length).putInt(t.length).putInt(s.length);
        return b.put(t).put(s).array();
    }
}
