package dev.ebpfjvm.core.btf;

/**
 * The kinds of BTF types, with their ids of {@code BTF_KIND_*} in uapi {@code linux/btf.h}. Each
 * kind says how many bytes of kind-specific data follow the common 12-byte type header.
 */
public enum BtfKind {
    /** {@code BTF_KIND_UNKN}: only type id 0, {@code void}. */
    VOID(0),
    /** {@code BTF_KIND_INT}: an integer, followed by a u32 of encoding, offset and bits. */
    INT(1),
    /** {@code BTF_KIND_PTR}: a pointer to another type. */
    PTR(2),
    /** {@code BTF_KIND_ARRAY}: followed by {@code struct btf_array} (element, index, count). */
    ARRAY(3),
    /** {@code BTF_KIND_STRUCT}: followed by vlen {@code struct btf_member}. */
    STRUCT(4),
    /** {@code BTF_KIND_UNION}: followed by vlen {@code struct btf_member}. */
    UNION(5),
    /** {@code BTF_KIND_ENUM}: followed by vlen {@code struct btf_enum} (32-bit values). */
    ENUM(6),
    /** {@code BTF_KIND_FWD}: a forward declaration of a struct or union. */
    FWD(7),
    /** {@code BTF_KIND_TYPEDEF}. */
    TYPEDEF(8),
    /** {@code BTF_KIND_VOLATILE}. */
    VOLATILE(9),
    /** {@code BTF_KIND_CONST}. */
    CONST(10),
    /** {@code BTF_KIND_RESTRICT}. */
    RESTRICT(11),
    /** {@code BTF_KIND_FUNC}: a function, its type a FUNC_PROTO. */
    FUNC(12),
    /** {@code BTF_KIND_FUNC_PROTO}: followed by vlen {@code struct btf_param}. */
    FUNC_PROTO(13),
    /** {@code BTF_KIND_VAR}: a variable, followed by {@code struct btf_var} (linkage). */
    VAR(14),
    /** {@code BTF_KIND_DATASEC}: a data section, followed by vlen {@code struct btf_var_secinfo}. */
    DATASEC(15),
    /** {@code BTF_KIND_FLOAT}. */
    FLOAT(16),
    /** {@code BTF_KIND_DECL_TAG}: followed by {@code struct btf_decl_tag} (component index). */
    DECL_TAG(17),
    /** {@code BTF_KIND_TYPE_TAG}. */
    TYPE_TAG(18),
    /** {@code BTF_KIND_ENUM64}: followed by vlen {@code struct btf_enum64} (64-bit values). */
    ENUM64(19);

    private static final BtfKind[] BY_ID = values();
    private final int id;

    BtfKind(int id) {
        this.id = id;
    }

    /** {@return the kernel's id of the kind} */
    public int id() {
        return id;
    }

    /** {@return the kind of an id, or null when the id is unknown} */
    public static BtfKind of(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    /** {@return true for the kinds that only qualify another type (typedef, const, volatile, restrict, type tag)} */
    public boolean isModifier() {
        return this == TYPEDEF || this == VOLATILE || this == CONST || this == RESTRICT || this == TYPE_TAG;
    }
}
