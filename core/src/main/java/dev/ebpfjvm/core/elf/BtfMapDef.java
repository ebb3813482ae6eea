package dev.ebpfjvm.core.elf;

import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.btf.BtfKind;
import dev.ebpfjvm.core.btf.BtfSpec;
import dev.ebpfjvm.core.btf.BtfType;
import dev.ebpfjvm.core.maps.MapType;

/**
 * One BTF-defined map definition: the anonymous struct of a {@code .maps} variable, whose
 * members encode the attributes in their types ({@code __uint(name, val)} is
 * {@code int (*name)[val]}, {@code __type(name, T)} is {@code T *name},
 * {@code __array(values, T)} is {@code T *values[]}). Mirrors parse_btf_map_def(),
 * get_map_field_int() and get_map_field_long() in libbpf's src/libbpf.c (strict mode: an unknown
 * attribute is an error).
 */
final class BtfMapDef {
    private static final String SECTION = ".maps";

    final String name;
    int type;
    int keySize;
    int valueSize;
    int maxEntries;
    int flags;
    int pinning;
    boolean hasValues;
    int valuesOffset = -1;
    BtfMapDef inner;

    private BtfMapDef(String name) {
        this.name = name;
    }

    /**
     * Parses a map definition struct.
     *
     * @param outer true for a map of {@code .maps}, false for the inner definition of a map-in-map
     */
    static BtfMapDef parse(String name, BtfSpec btf, BtfType.Struct def, boolean outer) {
        BtfMapDef m = new BtfMapDef(name);
        for (int i = 0; i < def.members().size(); i++) {
            BtfType.Member member = def.members().get(i);
            m.member(btf, member, outer, i == def.members().size() - 1);
        }
        if (m.type == MapType.UNSPEC.id()) {
            throw malformed(name, "map type isn't specified");
        }
        return m;
    }

    private void member(BtfSpec btf, BtfType.Member member, boolean outer, boolean last) {
        switch (member.name()) {
            case "type":
                type = intField(btf, member);
                break;
            case "max_entries":
                maxEntries = intField(btf, member);
                break;
            case "map_flags":
                flags = intField(btf, member);
                break;
            case "numa_node":
                intField(btf, member);
                break;
            case "key_size":
                keySize = size("key", keySize, intField(btf, member));
                break;
            case "value_size":
                valueSize = size("value", valueSize, intField(btf, member));
                break;
            case "key":
                keySize = size("key", keySize, pointeeSize(btf, member));
                break;
            case "value":
                valueSize = size("value", valueSize, pointeeSize(btf, member));
                break;
            case "values":
                values(btf, member, outer, last);
                break;
            case "pinning":
                pinning(btf, member, outer);
                break;
            case "map_extra":
                longField(btf, member);
                break;
            default:
                throw new UnsupportedFeatureException(
                        "section '.maps': map '" + name + "': unknown field '" + member.name() + "'");
        }
    }

    private int size(String what, int current, long size) {
        if (size > Integer.MAX_VALUE) {
            throw malformed(name, what + " size " + size + " too large");
        }
        if (current != 0 && current != size) {
            throw malformed(name, "conflicting " + what + " size " + current + " != " + size);
        }
        return (int) size;
    }

    private void pinning(BtfSpec btf, BtfType.Member member, boolean outer) {
        if (!outer) {
            throw malformed(name, "inner def can't be pinned");
        }
        pinning = intField(btf, member);
        if (pinning != 0 && pinning != 1) {
            throw malformed(name, "invalid pinning value " + Integer.toUnsignedString(pinning));
        }
    }

    private void values(BtfSpec btf, BtfType.Member member, boolean outer, boolean last) {
        boolean mapInMap = type == MapType.ARRAY_OF_MAPS.id() || type == MapType.HASH_OF_MAPS.id();
        if (!outer) {
            throw new UnsupportedFeatureException("section '.maps': map '" + name + "': multi-level inner maps");
        }
        if (!last) {
            throw malformed(name, "'values' member should be last");
        }
        if (!mapInMap && type != MapType.PROG_ARRAY.id()) {
            throw new UnsupportedFeatureException(
                    "section '.maps': map '" + name + "': 'values' on a map that is neither map-in-map nor prog-array");
        }
        valueSize = size("value", valueSize, 4);
        BtfType array = btf.type(member.type());
        if (!(array instanceof BtfType.Array) || ((BtfType.Array) array).count() != 0) {
            throw malformed(name, "values spec is not a zero-sized array");
        }
        BtfType ptr = btf.resolve(((BtfType.Array) array).elemType());
        if (!(ptr instanceof BtfType.Ptr)) {
            throw malformed(name, "values def is of unexpected kind " + ptr.kind());
        }
        BtfType target = btf.resolve(((BtfType.Ptr) ptr).type());
        if (mapInMap) {
            if (!(target instanceof BtfType.Struct)) {
                throw malformed(name, "map-in-map inner def is of unexpected kind " + target.kind());
            }
            inner = parse(name + ".inner", btf, (BtfType.Struct) target, false);
        } else if (target.kind() != BtfKind.FUNC_PROTO) {
            throw malformed(name, "prog-array value def is of unexpected kind " + target.kind());
        }
        hasValues = true;
        valuesOffset = member.bitOffset() / 8;
    }

    /** {@code __uint(name, val)}: a pointer to an array of {@code val} elements. */
    private int intField(BtfSpec btf, BtfType.Member member) {
        BtfType ptr = btf.resolve(member.type());
        if (!(ptr instanceof BtfType.Ptr)) {
            throw malformed(name, "attr '" + member.name() + "': expected PTR, got " + ptr.kind());
        }
        BtfType array = btf.type(((BtfType.Ptr) ptr).type());
        if (!(array instanceof BtfType.Array)) {
            throw malformed(name, "attr '" + member.name() + "': expected ARRAY, got " + array.kind());
        }
        return ((BtfType.Array) array).count();
    }

    /** {@code __ulong(name, val)}: an enum of one value, or an {@code __uint}. */
    private long longField(BtfSpec btf, BtfType.Member member) {
        BtfType t = btf.resolve(member.type());
        if (t instanceof BtfType.Ptr) {
            return Integer.toUnsignedLong(intField(btf, member));
        }
        java.util.List<BtfType.EnumValue> values = t instanceof BtfType.Enum
                ? ((BtfType.Enum) t).values()
                : t instanceof BtfType.Enum64 ? ((BtfType.Enum64) t).values() : null;
        if (values == null || values.size() != 1) {
            throw malformed(
                    name, "attr '" + member.name() + "': expected ENUM or ENUM64 of one value, got " + t.kind());
        }
        return values.get(0).value();
    }

    /** {@code __type(name, T)}: a pointer to T, whose size is the key or value size. */
    private long pointeeSize(BtfSpec btf, BtfType.Member member) {
        BtfType ptr = btf.type(member.type());
        if (!(ptr instanceof BtfType.Ptr)) {
            throw malformed(name, member.name() + " spec is not PTR: " + ptr.kind());
        }
        return btf.sizeOf(((BtfType.Ptr) ptr).type());
    }

    private static MalformedObjectException malformed(String map, String reason) {
        return new MalformedObjectException(SECTION, "map '" + map + "': " + reason);
    }
}
