package dev.ebpfjvm.core.btf;

import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.memory.LittleEndian;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses the {@code .BTF} section of an object: the header, the type section and the string
 * section. Every offset, length and count is checked against the section before use, and every
 * list is sized only after its bytes are known to be present, so a malformed section raises
 * {@link MalformedObjectException} naming {@code .BTF} and never allocates more than the section
 * holds.
 *
 * <pre>
 *  struct btf_header (24 bytes, little-endian)
 *  | magic:16 = 0xeB9F | version:8 = 1 | flags:8 | hdr_len:32 |
 *  | type_off:32 | type_len:32 | str_off:32 | str_len:32 |      offsets from the end of the header
 *  each type: | name_off:32 | info:32 = kind_flag:1 _:2 kind:5 _:8 vlen:16 | size_or_type:32 | data… |
 * </pre>
 *
 * Mirrors btf_parse_hdr(), btf_parse_str_sec() and btf_check_all_metas() in kernel/bpf/btf.c
 * (v6.x) in what it rejects, without the kernel's deeper type-graph checks.
 */
public final class BtfReader {
    /** The section name, used in every error. */
    public static final String SECTION = ".BTF";

    static final int MAGIC = 0xeb9f;
    private static final int HEADER_SIZE = 24;
    private static final int TYPE_HEADER = 12;

    private final byte[] data;
    private final int typeEnd;
    private final StringTable strings;
    private int pos;

    private BtfReader(byte[] data, int typeStart, int typeEnd, StringTable strings) {
        this.data = data;
        this.pos = typeStart;
        this.typeEnd = typeEnd;
        this.strings = strings;
    }

    /**
     * Parses a {@code .BTF} section.
     *
     * @param section the section's bytes (not modified, not kept)
     * @return the types and strings
     * @throws MalformedObjectException naming {@code .BTF} when anything does not parse
     */
    public static BtfSpec read(byte[] section) {
        byte[] data = section.clone();
        if (data.length < HEADER_SIZE) {
            throw malformed("truncated header: " + data.length + " bytes, need " + HEADER_SIZE);
        }
        int magic = (int) LittleEndian.getU16(data, 0);
        if (magic != MAGIC) {
            throw malformed(String.format("bad magic 0x%04x (want 0x%04x, little-endian)", magic, MAGIC));
        }
        if (data[2] != 1) {
            throw malformed("unsupported version " + (data[2] & 0xff));
        }
        if (data[3] != 0) {
            throw malformed("unsupported flags 0x" + Integer.toHexString(data[3] & 0xff));
        }
        long hdrLen = LittleEndian.getU32(data, 4);
        if (hdrLen < HEADER_SIZE || hdrLen > data.length) {
            throw malformed("header length " + hdrLen + " outside 24.." + data.length);
        }
        long typeOff = LittleEndian.getU32(data, 8);
        long typeLen = LittleEndian.getU32(data, 12);
        long strOff = LittleEndian.getU32(data, 16);
        long strLen = LittleEndian.getU32(data, 20);
        long body = data.length - hdrLen;
        checkRange("type section", typeOff, typeLen, body);
        checkRange("string section", strOff, strLen, body);
        if (typeOff % 4 != 0) {
            throw malformed("type section offset " + typeOff + " is not 4-byte aligned");
        }
        if (typeOff < strOff ? typeOff + typeLen > strOff : strOff + strLen > typeOff) {
            throw malformed("type and string sections overlap");
        }
        int strStart = (int) (hdrLen + strOff);
        if (strLen == 0 || data[strStart] != 0 || data[(int) (strStart + strLen - 1)] != 0) {
            throw malformed("string section must start and end with NUL");
        }
        StringTable strings = new StringTable(SECTION, Arrays.copyOfRange(data, strStart, (int) (strStart + strLen)));
        int typeStart = (int) (hdrLen + typeOff);
        List<BtfType> types = new BtfReader(data, typeStart, (int) (typeStart + typeLen), strings).readTypes();
        BtfSpec spec = new BtfSpec(types, strings);
        BtfRefs.check(spec);
        return spec;
    }

    private static void checkRange(String what, long off, long len, long body) {
        if (off + len > body) {
            throw malformed(what + " [" + off + ", +" + len + ") outside the " + body + " bytes after the header");
        }
    }

    static MalformedObjectException malformed(String reason) {
        return new MalformedObjectException(SECTION, reason);
    }

    private List<BtfType> readTypes() {
        List<BtfType> types = new ArrayList<>();
        types.add(new BtfType.Void());
        while (pos < typeEnd) {
            types.add(readType(types.size()));
        }
        return types;
    }

    private BtfType readType(int id) {
        need(id, TYPE_HEADER);
        String name = strings.at(u32());
        long info = u32();
        long sizeOrType = u32();
        int vlen = (int) (info & 0xffff);
        int kindId = (int) (info >>> 24) & 0x1f;
        boolean kindFlag = (info >>> 31) != 0;
        BtfKind kind = BtfKind.of(kindId);
        if (kind == null || kind == BtfKind.VOID) {
            throw malformed("type [" + id + "]: unknown kind " + kindId);
        }
        int ref = toInt(id, "type", sizeOrType);
        switch (kind) {
            case INT:
                return readInt(id, name, ref);
            case PTR:
                return new BtfType.Ptr(ref);
            case ARRAY:
                return readArray(id);
            case STRUCT:
                return new BtfType.Struct(name, ref, readMembers(id, vlen, kindFlag));
            case UNION:
                return new BtfType.Union(name, ref, readMembers(id, vlen, kindFlag));
            case ENUM:
                return new BtfType.Enum(name, ref, kindFlag, readEnumValues(id, vlen, false));
            case ENUM64:
                return new BtfType.Enum64(name, ref, kindFlag, readEnumValues(id, vlen, true));
            case FWD:
                return new BtfType.Fwd(name, kindFlag);
            case TYPEDEF:
                return new BtfType.Typedef(name, ref);
            case VOLATILE:
                return new BtfType.Volatile(ref);
            case CONST:
                return new BtfType.Const(ref);
            case RESTRICT:
                return new BtfType.Restrict(ref);
            case TYPE_TAG:
                return new BtfType.TypeTag(name, ref);
            case FUNC:
                return new BtfType.Func(name, ref, linkage(id, vlen));
            case FUNC_PROTO:
                return new BtfType.FuncProto(ref, readParams(id, vlen));
            case VAR:
                return readVar(id, name, ref);
            case DATASEC:
                return new BtfType.Datasec(name, ref, readSecinfos(id, vlen));
            case FLOAT:
                return new BtfType.Float(name, ref);
            case DECL_TAG:
                return readDeclTag(id, name, ref);
            case VOID:
            default:
                throw new AssertionError(kind);
        }
    }

    private BtfType readInt(int id, String name, int size) {
        need(id, 4);
        long word = u32();
        int bits = (int) (word & 0xff);
        int offset = (int) (word >>> 16) & 0xff;
        int encoding = (int) (word >>> 24) & 0xf;
        if (size > 16 || bits > 128 || offset + bits > size * 8L) {
            throw malformed(
                    "type [" + id + "]: INT of " + size + " bytes cannot hold " + bits + " bits at offset " + offset);
        }
        return new BtfType.Int(name, size, encoding, offset, bits);
    }

    private BtfType readArray(int id) {
        need(id, 12);
        int elem = toInt(id, "array element type", u32());
        int index = toInt(id, "array index type", u32());
        int count = toInt(id, "array length", u32());
        return new BtfType.Array(elem, index, count);
    }

    private List<BtfType.Member> readMembers(int id, int vlen, boolean kindFlag) {
        need(id, 12L * vlen);
        List<BtfType.Member> members = new ArrayList<>(vlen);
        for (int i = 0; i < vlen; i++) {
            String name = strings.at(u32());
            int type = toInt(id, "member type", u32());
            long offset = u32();
            int bitfield = kindFlag ? (int) (offset >>> 24) : 0;
            int bitOffset = (int) (kindFlag ? offset & 0xffffff : offset);
            if (bitOffset < 0) {
                throw malformed("type [" + id + "]: member '" + name + "' offset " + offset + " too large");
            }
            members.add(new BtfType.Member(name, type, bitOffset, bitfield));
        }
        return members;
    }

    private List<BtfType.EnumValue> readEnumValues(int id, int vlen, boolean wide) {
        need(id, (wide ? 12L : 8L) * vlen);
        List<BtfType.EnumValue> values = new ArrayList<>(vlen);
        for (int i = 0; i < vlen; i++) {
            String name = strings.at(u32());
            long value = wide ? u32() | (u32() << 32) : (int) u32();
            values.add(new BtfType.EnumValue(name, value));
        }
        return values;
    }

    private List<BtfType.Param> readParams(int id, int vlen) {
        need(id, 8L * vlen);
        List<BtfType.Param> params = new ArrayList<>(vlen);
        for (int i = 0; i < vlen; i++) {
            params.add(new BtfType.Param(strings.at(u32()), toInt(id, "parameter type", u32())));
        }
        return params;
    }

    private BtfType readVar(int id, String name, int type) {
        need(id, 4);
        long linkage = u32();
        if (linkage > 2) {
            throw malformed("type [" + id + "]: VAR '" + name + "' has unknown linkage " + linkage);
        }
        return new BtfType.Var(name, type, BtfType.Linkage.values()[(int) linkage]);
    }

    private List<BtfType.VarSecinfo> readSecinfos(int id, int vlen) {
        need(id, 12L * vlen);
        List<BtfType.VarSecinfo> vars = new ArrayList<>(vlen);
        for (int i = 0; i < vlen; i++) {
            vars.add(new BtfType.VarSecinfo(
                    toInt(id, "variable type", u32()),
                    toInt(id, "variable offset", u32()),
                    toInt(id, "variable size", u32())));
        }
        return vars;
    }

    private BtfType readDeclTag(int id, String name, int type) {
        need(id, 4);
        int component = (int) u32();
        if (component < -1) {
            throw malformed("type [" + id + "]: DECL_TAG '" + name + "' has component index " + component);
        }
        return new BtfType.DeclTag(name, type, component);
    }

    private static BtfType.Linkage linkage(int id, int vlen) {
        if (vlen > 2) {
            throw malformed("type [" + id + "]: FUNC has unknown linkage " + vlen);
        }
        return BtfType.Linkage.values()[vlen];
    }

    private void need(int id, long bytes) {
        if (pos + bytes > typeEnd) {
            throw malformed("type [" + id + "]: truncated, needs " + bytes + " bytes at type-section offset " + pos
                    + " but the section ends at " + typeEnd);
        }
    }

    private long u32() {
        long v = LittleEndian.getU32(data, pos);
        pos += 4;
        return v;
    }

    private static int toInt(int id, String what, long value) {
        if (value > Integer.MAX_VALUE) {
            throw malformed("type [" + id + "]: " + what + " " + value + " too large");
        }
        return (int) value;
    }
}
