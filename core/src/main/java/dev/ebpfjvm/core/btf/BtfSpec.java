package dev.ebpfjvm.core.btf;

import dev.ebpfjvm.core.MalformedObjectException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The types of a {@code .BTF} section, indexed by type id (id 0 is {@code void}), with their
 * string table. Immutable. Every id a type refers to was checked when the section was read
 * ({@link BtfReader}), so following references never fails; what can still fail is resolving
 * a cyclic or too deep chain, which raises {@link MalformedObjectException}.
 */
public final class BtfSpec {
    /** How many typedefs and modifiers, or nested arrays, are followed before giving up (libbpf's MAX_RESOLVE_DEPTH). */
    static final int MAX_RESOLVE_DEPTH = 32;

    private final List<BtfType> types;
    private final StringTable strings;
    private final Map<String, BtfType.Datasec> datasecs = new HashMap<>();

    BtfSpec(List<BtfType> types, StringTable strings) {
        this.types = List.copyOf(types);
        this.strings = strings;
        for (BtfType t : this.types) {
            if (t instanceof BtfType.Datasec) {
                datasecs.putIfAbsent(t.name(), (BtfType.Datasec) t);
            }
        }
    }

    /** {@return every type, the index being the type id} */
    public List<BtfType> types() {
        return types;
    }

    /** {@return the number of type ids, void included} */
    public int typeCount() {
        return types.size();
    }

    /**
     * {@return the type of an id}
     *
     * @throws IllegalArgumentException when the id does not exist
     */
    public BtfType type(int id) {
        if (id < 0 || id >= types.size()) {
            throw new IllegalArgumentException("no BTF type [" + id + "] (have " + types.size() + ")");
        }
        return types.get(id);
    }

    /** {@return the string table} */
    public StringTable strings() {
        return strings;
    }

    /** {@return the id of the type past typedefs and modifiers, as libbpf's skip_mods_and_typedefs()} */
    public int resolveId(int id) {
        int current = id;
        for (int depth = 0; depth <= MAX_RESOLVE_DEPTH; depth++) {
            BtfType t = type(current);
            if (!(t instanceof BtfType.Qualifier)) {
                return current;
            }
            current = ((BtfType.Qualifier) t).type();
        }
        throw new MalformedObjectException(
                BtfReader.SECTION,
                "type [" + id + "]: typedef/modifier chain deeper than " + MAX_RESOLVE_DEPTH + " (cyclic?)");
    }

    /** {@return the type past typedefs and modifiers} */
    public BtfType resolve(int id) {
        return type(resolveId(id));
    }

    /**
     * The size of a type in bytes, as libbpf's btf__resolve_size(): pointers are 8 bytes, arrays
     * their element size times their length.
     *
     * @throws MalformedObjectException when the type has no size (a function, void, a forward
     *     declaration) or the size overflows
     */
    public long sizeOf(int id) {
        long multiplier = 1;
        int current = id;
        for (int depth = 0; depth <= MAX_RESOLVE_DEPTH; depth++) {
            BtfType t = resolve(current);
            switch (t.kind()) {
                case ARRAY:
                    multiplier = checkedSize(id, multiplier * ((BtfType.Array) t).count());
                    current = ((BtfType.Array) t).elemType();
                    continue;
                case VAR:
                    current = ((BtfType.Var) t).type();
                    continue;
                case PTR:
                    return checkedSize(id, multiplier * 8);
                case INT:
                    return checkedSize(id, multiplier * ((BtfType.Int) t).size());
                case STRUCT:
                    return checkedSize(id, multiplier * ((BtfType.Struct) t).size());
                case UNION:
                    return checkedSize(id, multiplier * ((BtfType.Union) t).size());
                case ENUM:
                    return checkedSize(id, multiplier * ((BtfType.Enum) t).size());
                case ENUM64:
                    return checkedSize(id, multiplier * ((BtfType.Enum64) t).size());
                case DATASEC:
                    return checkedSize(id, multiplier * ((BtfType.Datasec) t).size());
                case FLOAT:
                    return checkedSize(id, multiplier * ((BtfType.Float) t).size());
                case VOID:
                case FWD:
                case FUNC:
                case FUNC_PROTO:
                case DECL_TAG:
                case TYPEDEF:
                case VOLATILE:
                case CONST:
                case RESTRICT:
                case TYPE_TAG:
                    throw new MalformedObjectException(
                            BtfReader.SECTION, "type [" + id + "]: a " + t.kind() + " has no size");
                default:
                    throw new AssertionError(t.kind());
            }
        }
        throw new MalformedObjectException(
                BtfReader.SECTION, "type [" + id + "]: nested deeper than " + MAX_RESOLVE_DEPTH);
    }

    private static long checkedSize(int id, long size) {
        if (size < 0 || size > Integer.MAX_VALUE) {
            throw new MalformedObjectException(BtfReader.SECTION, "type [" + id + "]: size " + size + " too large");
        }
        return size;
    }

    /**
     * {@return a C-like name of a type, for listings: {@code __u32}, {@code struct flow *},
     * {@code const volatile __u8}, {@code __u64[4]}; anonymous aggregates print as
     * {@code struct {...}}}
     */
    public String typeName(int id) {
        return typeName(id, 0);
    }

    private String typeName(int id, int depth) {
        BtfType t = type(id);
        if (depth > MAX_RESOLVE_DEPTH) {
            return "...";
        }
        switch (t.kind()) {
            case VOID:
                return "void";
            case PTR:
                return typeName(((BtfType.Ptr) t).type(), depth + 1) + " *";
            case CONST:
                return "const " + typeName(((BtfType.Const) t).type(), depth + 1);
            case VOLATILE:
                return "volatile " + typeName(((BtfType.Volatile) t).type(), depth + 1);
            case RESTRICT:
                return typeName(((BtfType.Restrict) t).type(), depth + 1) + " restrict";
            case TYPE_TAG:
                return typeName(((BtfType.TypeTag) t).type(), depth + 1);
            case ARRAY:
                return typeName(((BtfType.Array) t).elemType(), depth + 1) + "[" + ((BtfType.Array) t).count() + "]";
            case STRUCT:
                return "struct " + orAnonymous(t);
            case UNION:
                return "union " + orAnonymous(t);
            case ENUM:
            case ENUM64:
                return "enum " + orAnonymous(t);
            case FWD:
                return (((BtfType.Fwd) t).union() ? "union " : "struct ") + t.name();
            case FUNC_PROTO:
                return "function";
            case VAR:
                return typeName(((BtfType.Var) t).type(), depth + 1);
            case INT:
            case FLOAT:
            case TYPEDEF:
            case FUNC:
            case DATASEC:
            case DECL_TAG:
                return t.name();
            default:
                throw new AssertionError(t.kind());
        }
    }

    private static String orAnonymous(BtfType t) {
        return t.name().isEmpty() ? "{...}" : t.name();
    }

    /** {@return the DATASEC of a section name, such as ".data" or ".maps"} */
    public Optional<BtfType.Datasec> datasec(String name) {
        return Optional.ofNullable(datasecs.get(name));
    }

    /** {@return the id of the first type of a kind and name} */
    public Optional<Integer> typeId(BtfKind kind, String name) {
        for (int id = 1; id < types.size(); id++) {
            if (types.get(id).kind() == kind && types.get(id).name().equals(name)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BtfSpec && ((BtfSpec) o).types.equals(types) && ((BtfSpec) o).strings.equals(strings);
    }

    @Override
    public int hashCode() {
        return types.hashCode();
    }

    @Override
    public String toString() {
        return "BtfSpec[" + types.size() + " types, " + strings.size() + " bytes of strings]";
    }
}
