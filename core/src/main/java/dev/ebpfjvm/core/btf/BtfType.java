package dev.ebpfjvm.core.btf;

import java.util.List;
import java.util.Objects;

/**
 * One BTF type, as {@code .BTF} describes it (uapi {@code linux/btf.h}; Documentation/bpf/btf.rst).
 * The family is closed: dispatch on {@link #kind()} with an exhaustive switch. Types refer to
 * other types by id, resolved through the {@link BtfSpec} they belong to; names of anonymous
 * types are empty strings.
 */
public sealed interface BtfType
        permits BtfType.Void,
                BtfType.Int,
                BtfType.Ptr,
                BtfType.Array,
                BtfType.Struct,
                BtfType.Union,
                BtfType.Enum,
                BtfType.Enum64,
                BtfType.Fwd,
                BtfType.Func,
                BtfType.FuncProto,
                BtfType.Var,
                BtfType.Datasec,
                BtfType.Float,
                BtfType.DeclTag,
                BtfType.Qualifier {

    /** {@return the kind of the type} */
    BtfKind kind();

    /** {@return the type's name, empty for anonymous types and kinds without a name} */
    default String name() {
        return "";
    }

    /** The linkage of a FUNC or VAR ({@code enum btf_func_linkage}, {@code enum btf_var_linkage}). */
    enum Linkage {
        /** {@code BTF_FUNC_STATIC}, {@code BTF_VAR_STATIC}. */
        STATIC,
        /** {@code BTF_FUNC_GLOBAL}, {@code BTF_VAR_GLOBAL_ALLOCATED}. */
        GLOBAL,
        /** {@code BTF_FUNC_EXTERN}, {@code BTF_VAR_GLOBAL_EXTERN}. */
        EXTERN
    }

    /** A type that only qualifies or renames another: typedef, const, volatile, restrict, type tag. */
    sealed interface Qualifier extends BtfType permits Typedef, Volatile, Const, Restrict, TypeTag {
        /** {@return the id of the qualified type} */
        int type();
    }

    /** Type id 0: {@code void}. */
    record Void() implements BtfType {
        public BtfKind kind() {
            return BtfKind.VOID;
        }
    }

    /**
     * An integer.
     *
     * @param encoding {@code BTF_INT_SIGNED} (1), {@code BTF_INT_CHAR} (2), {@code BTF_INT_BOOL} (4)
     * @param bitOffset the offset of the value's bits in the storage
     * @param bits the number of value bits
     */
    record Int(String name, int size, int encoding, int bitOffset, int bits) implements BtfType {
        /** {@code BTF_INT_SIGNED}. */
        public static final int SIGNED = 1;

        public BtfKind kind() {
            return BtfKind.INT;
        }
    }

    /** A pointer to {@code type}. */
    record Ptr(int type) implements BtfType {
        public BtfKind kind() {
            return BtfKind.PTR;
        }
    }

    /** An array of {@code count} elements of {@code elemType}, indexed by {@code indexType}. */
    record Array(int elemType, int indexType, int count) implements BtfType {
        public BtfKind kind() {
            return BtfKind.ARRAY;
        }
    }

    /**
     * A member of a struct or union.
     *
     * @param bitOffset the member's offset in bits from the start of the aggregate
     * @param bitfieldSize the width of a bitfield, 0 for a plain member
     */
    record Member(String name, int type, int bitOffset, int bitfieldSize) {
        public Member {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A struct of {@code size} bytes. */
    record Struct(String name, int size, List<Member> members) implements BtfType {
        public Struct {
            members = List.copyOf(members);
        }

        public BtfKind kind() {
            return BtfKind.STRUCT;
        }
    }

    /** A union of {@code size} bytes. */
    record Union(String name, int size, List<Member> members) implements BtfType {
        public Union {
            members = List.copyOf(members);
        }

        public BtfKind kind() {
            return BtfKind.UNION;
        }
    }

    /** An enumerator of an ENUM or ENUM64. */
    record EnumValue(String name, long value) {}

    /** An enum with 32-bit values; {@code signed} from the kind flag. */
    record Enum(String name, int size, boolean signed, List<EnumValue> values) implements BtfType {
        public Enum {
            values = List.copyOf(values);
        }

        public BtfKind kind() {
            return BtfKind.ENUM;
        }
    }

    /** An enum with 64-bit values; {@code signed} from the kind flag. */
    record Enum64(String name, int size, boolean signed, List<EnumValue> values) implements BtfType {
        public Enum64 {
            values = List.copyOf(values);
        }

        public BtfKind kind() {
            return BtfKind.ENUM64;
        }
    }

    /** A forward declaration of a struct, or of a union when {@code union}. */
    record Fwd(String name, boolean union) implements BtfType {
        public BtfKind kind() {
            return BtfKind.FWD;
        }
    }

    /** A typedef naming {@code type}. */
    record Typedef(String name, int type) implements Qualifier {
        public BtfKind kind() {
            return BtfKind.TYPEDEF;
        }
    }

    /** {@code volatile type}. */
    record Volatile(int type) implements Qualifier {
        public BtfKind kind() {
            return BtfKind.VOLATILE;
        }
    }

    /** {@code const type}. */
    record Const(int type) implements Qualifier {
        public BtfKind kind() {
            return BtfKind.CONST;
        }
    }

    /** {@code restrict type}. */
    record Restrict(int type) implements Qualifier {
        public BtfKind kind() {
            return BtfKind.RESTRICT;
        }
    }

    /** {@code __attribute__((btf_type_tag(name))) type}. */
    record TypeTag(String name, int type) implements Qualifier {
        public BtfKind kind() {
            return BtfKind.TYPE_TAG;
        }
    }

    /** A function; {@code type} is its FUNC_PROTO. */
    record Func(String name, int type, Linkage linkage) implements BtfType {
        public BtfKind kind() {
            return BtfKind.FUNC;
        }
    }

    /** A parameter of a FUNC_PROTO; a last parameter of type 0 and no name means "...". */
    record Param(String name, int type) {}

    /** A function signature. */
    record FuncProto(int returnType, List<Param> params) implements BtfType {
        public FuncProto {
            params = List.copyOf(params);
        }

        public BtfKind kind() {
            return BtfKind.FUNC_PROTO;
        }
    }

    /** A variable of {@code type}. */
    record Var(String name, int type, Linkage linkage) implements BtfType {
        public BtfKind kind() {
            return BtfKind.VAR;
        }
    }

    /**
     * A variable's place in a DATASEC.
     *
     * @param type the VAR (or, for externs, FUNC) type id
     * @param offset the byte offset in the section
     * @param size the size in bytes
     */
    record VarSecinfo(int type, int offset, int size) {}

    /** A data section ({@code .data}, {@code .maps} …) of {@code size} bytes and its variables. */
    record Datasec(String name, int size, List<VarSecinfo> vars) implements BtfType {
        public Datasec {
            vars = List.copyOf(vars);
        }

        public BtfKind kind() {
            return BtfKind.DATASEC;
        }
    }

    /** A floating-point type of {@code size} bytes. */
    record Float(String name, int size) implements BtfType {
        public BtfKind kind() {
            return BtfKind.FLOAT;
        }
    }

    /**
     * {@code __attribute__((btf_decl_tag(name)))} on {@code type}.
     *
     * @param componentIndex -1 for the declaration itself, else the member or parameter index
     */
    record DeclTag(String name, int type, int componentIndex) implements BtfType {
        public BtfKind kind() {
            return BtfKind.DECL_TAG;
        }
    }
}
