package dev.ebpfjvm.core.btf;

import java.util.List;

/**
 * Checks that every type id a BTF type refers to exists and has a kind that can be referred to
 * there (a FUNC's type is a FUNC_PROTO, a DATASEC lists VARs or FUNCs), so that everything built
 * on a {@link BtfSpec} can follow ids without checking again. Mirrors the reference checks of
 * btf_check_all_types() in kernel/bpf/btf.c (v6.x), not its size and layout rules.
 */
final class BtfRefs {
    private BtfRefs() {}

    static void check(BtfSpec spec) {
        List<BtfType> types = spec.types();
        for (int id = 1; id < types.size(); id++) {
            checkType(spec, id, types.get(id));
        }
    }

    private static void checkType(BtfSpec spec, int id, BtfType t) {
        switch (t.kind()) {
            case PTR:
                ref(spec, id, ((BtfType.Ptr) t).type());
                break;
            case ARRAY:
                ref(spec, id, ((BtfType.Array) t).elemType());
                ref(spec, id, ((BtfType.Array) t).indexType());
                break;
            case STRUCT:
                ((BtfType.Struct) t).members().forEach(m -> ref(spec, id, m.type()));
                break;
            case UNION:
                ((BtfType.Union) t).members().forEach(m -> ref(spec, id, m.type()));
                break;
            case TYPEDEF:
            case VOLATILE:
            case CONST:
            case RESTRICT:
            case TYPE_TAG:
                ref(spec, id, ((BtfType.Qualifier) t).type());
                break;
            case FUNC:
                expect(spec, id, ((BtfType.Func) t).type(), BtfKind.FUNC_PROTO);
                break;
            case FUNC_PROTO:
                ref(spec, id, ((BtfType.FuncProto) t).returnType());
                ((BtfType.FuncProto) t).params().forEach(p -> ref(spec, id, p.type()));
                break;
            case VAR:
                ref(spec, id, ((BtfType.Var) t).type());
                break;
            case DATASEC:
                checkDatasec(spec, id, (BtfType.Datasec) t);
                break;
            case DECL_TAG:
                ref(spec, id, ((BtfType.DeclTag) t).type());
                break;
            case VOID:
            case INT:
            case ENUM:
            case ENUM64:
            case FWD:
            case FLOAT:
                break;
            default:
                throw new AssertionError(t.kind());
        }
    }

    private static void checkDatasec(BtfSpec spec, int id, BtfType.Datasec sec) {
        for (BtfType.VarSecinfo v : sec.vars()) {
            ref(spec, id, v.type());
            BtfKind kind = spec.type(v.type()).kind();
            if (kind != BtfKind.VAR && kind != BtfKind.FUNC) {
                throw BtfReader.malformed("type [" + id + "]: DATASEC '" + sec.name() + "' lists type [" + v.type()
                        + "] of kind " + kind + ", not VAR");
            }
            if ((long) v.offset() + v.size() > Integer.MAX_VALUE) {
                throw BtfReader.malformed("type [" + id + "]: DATASEC '" + sec.name() + "' variable at " + v.offset()
                        + " of size " + v.size() + " overflows");
            }
        }
    }

    private static void expect(BtfSpec spec, int id, int target, BtfKind kind) {
        ref(spec, id, target);
        if (spec.type(target).kind() != kind) {
            throw BtfReader.malformed("type [" + id + "]: refers to type [" + target + "] of kind "
                    + spec.type(target).kind() + ", want " + kind);
        }
    }

    private static void ref(BtfSpec spec, int id, int target) {
        if (target < 0 || target >= spec.typeCount()) {
            throw BtfReader.malformed("type [" + id + "]: refers to type [" + target + "] but there are only "
                    + spec.typeCount() + " types");
        }
    }
}
