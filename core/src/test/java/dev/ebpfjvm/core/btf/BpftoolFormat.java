package dev.ebpfjvm.core.btf;

/**
 * Formats a BtfSpec the way {@code bpftool btf dump file X.o} (format raw, bpftool v7.1) prints
 * it, so that a test can compare the whole dump with bpftool's recorded output.
 */
final class BpftoolFormat {
    private BpftoolFormat() {}

    static String dump(BtfSpec btf) {
        StringBuilder sb = new StringBuilder();
        for (int id = 1; id < btf.typeCount(); id++) {
            BtfType t = btf.type(id);
            sb.append('[')
                    .append(id)
                    .append("] ")
                    .append(t.kind().name())
                    .append(' ')
                    .append(quoted(t.name()));
            line(sb, btf, t);
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String quoted(String name) {
        return "'" + (name.isEmpty() ? "(anon)" : name) + "'";
    }

    private static void line(StringBuilder sb, BtfSpec btf, BtfType t) {
        switch (t.kind()) {
            case INT: {
                BtfType.Int i = (BtfType.Int) t;
                String enc = i.encoding() == 1
                        ? "SIGNED"
                        : i.encoding() == 2 ? "CHAR" : i.encoding() == 4 ? "BOOL" : "(none)";
                sb.append(String.format(
                        " size=%d bits_offset=%d nr_bits=%d encoding=%s", i.size(), i.bitOffset(), i.bits(), enc));
                break;
            }
            case PTR:
            case TYPEDEF:
            case VOLATILE:
            case CONST:
            case RESTRICT:
            case TYPE_TAG:
                sb.append(" type_id=")
                        .append(t instanceof BtfType.Ptr ? ((BtfType.Ptr) t).type() : ((BtfType.Qualifier) t).type());
                break;
            case ARRAY: {
                BtfType.Array a = (BtfType.Array) t;
                sb.append(String.format(
                        " type_id=%d index_type_id=%d nr_elems=%d", a.elemType(), a.indexType(), a.count()));
                break;
            }
            case STRUCT:
                members(sb, ((BtfType.Struct) t).size(), ((BtfType.Struct) t).members());
                break;
            case UNION:
                members(sb, ((BtfType.Union) t).size(), ((BtfType.Union) t).members());
                break;
            case ENUM: {
                BtfType.Enum e = (BtfType.Enum) t;
                enumValues(sb, e.signed(), e.size(), e.values(), false);
                break;
            }
            case ENUM64: {
                BtfType.Enum64 e = (BtfType.Enum64) t;
                enumValues(sb, e.signed(), e.size(), e.values(), true);
                break;
            }
            case FWD:
                sb.append(" fwd_kind=").append(((BtfType.Fwd) t).union() ? "union" : "struct");
                break;
            case FUNC:
                sb.append(" type_id=")
                        .append(((BtfType.Func) t).type())
                        .append(" linkage=")
                        .append(((BtfType.Func) t).linkage().name().toLowerCase());
                break;
            case FUNC_PROTO: {
                BtfType.FuncProto p = (BtfType.FuncProto) t;
                sb.append(" ret_type_id=")
                        .append(p.returnType())
                        .append(" vlen=")
                        .append(p.params().size());
                p.params()
                        .forEach(x -> sb.append("\n\t")
                                .append(quoted(x.name()))
                                .append(" type_id=")
                                .append(x.type()));
                break;
            }
            case VAR:
                sb.append(" type_id=")
                        .append(((BtfType.Var) t).type())
                        .append(", linkage=")
                        .append(((BtfType.Var) t).linkage().name().toLowerCase());
                break;
            case DATASEC: {
                BtfType.Datasec d = (BtfType.Datasec) t;
                sb.append(" size=")
                        .append(d.size())
                        .append(" vlen=")
                        .append(d.vars().size());
                d.vars()
                        .forEach(v -> sb.append(String.format(
                                "\n\ttype_id=%d offset=%d size=%d (%s %s)",
                                v.type(),
                                v.offset(),
                                v.size(),
                                btf.type(v.type()).kind().name(),
                                quoted(btf.type(v.type()).name()))));
                break;
            }
            case FLOAT:
                sb.append(" size=").append(((BtfType.Float) t).size());
                break;
            case DECL_TAG:
                sb.append(" type_id=")
                        .append(((BtfType.DeclTag) t).type())
                        .append(" component_idx=")
                        .append(((BtfType.DeclTag) t).componentIndex());
                break;
            case VOID:
            default:
                throw new AssertionError(t.kind());
        }
    }

    private static void members(StringBuilder sb, int size, java.util.List<BtfType.Member> members) {
        sb.append(" size=").append(size).append(" vlen=").append(members.size());
        for (BtfType.Member m : members) {
            sb.append("\n\t")
                    .append(quoted(m.name()))
                    .append(" type_id=")
                    .append(m.type())
                    .append(" bits_offset=")
                    .append(m.bitOffset());
            if (m.bitfieldSize() != 0) {
                sb.append(" bitfield_size=").append(m.bitfieldSize());
            }
        }
    }

    private static void enumValues(
            StringBuilder sb, boolean signed, int size, java.util.List<BtfType.EnumValue> values, boolean wide) {
        sb.append(" encoding=")
                .append(signed ? "SIGNED" : "UNSIGNED")
                .append(" size=")
                .append(size)
                .append(" vlen=")
                .append(values.size());
        for (BtfType.EnumValue v : values) {
            String val = signed
                    ? Long.toString(wide ? v.value() : (int) v.value())
                    : wide ? Long.toUnsignedString(v.value()) : Long.toString(v.value() & 0xffffffffL);
            sb.append("\n\t").append(quoted(v.name())).append(" val=").append(val);
        }
    }
}
