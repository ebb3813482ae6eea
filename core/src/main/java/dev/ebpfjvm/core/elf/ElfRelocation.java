package dev.ebpfjvm.core.elf;

/**
 * One entry of an {@code SHT_REL} section ({@code Elf64_Rel}).
 *
 * @param offset {@code r_offset}: the byte offset in the relocated section
 * @param symbol {@code ELF64_R_SYM(r_info)}: the symbol's index, already checked to exist
 * @param type {@code ELF64_R_TYPE(r_info)}: {@link #R_BPF_64_64}, {@link #R_BPF_64_32} …
 */
public record ElfRelocation(long offset, int symbol, int type) {
    /** {@code R_BPF_NONE}. */
    public static final int R_BPF_NONE = 0;
    /** {@code R_BPF_64_64}: the 64-bit immediate of an lddw (maps, global data, function addresses). */
    public static final int R_BPF_64_64 = 1;
    /** {@code R_BPF_64_ABS64}: a 64-bit data word (debug info, BTF). */
    public static final int R_BPF_64_ABS64 = 2;
    /** {@code R_BPF_64_ABS32}: a 32-bit data word (debug info, BTF). */
    public static final int R_BPF_64_ABS32 = 3;
    /** {@code R_BPF_64_NODYLD32}: a 32-bit data word left alone at load (BTF.ext, debug info). */
    public static final int R_BPF_64_NODYLD32 = 4;
    /** {@code R_BPF_64_32}: the immediate of a call (a bpf-to-bpf call or a kfunc). */
    public static final int R_BPF_64_32 = 10;

    /** {@return the name of a relocation type as llvm-objdump prints it} */
    public static String typeName(int type) {
        switch (type) {
            case R_BPF_NONE:
                return "R_BPF_NONE";
            case R_BPF_64_64:
                return "R_BPF_64_64";
            case R_BPF_64_ABS64:
                return "R_BPF_64_ABS64";
            case R_BPF_64_ABS32:
                return "R_BPF_64_ABS32";
            case R_BPF_64_NODYLD32:
                return "R_BPF_64_NODYLD32";
            case R_BPF_64_32:
                return "R_BPF_64_32";
            default:
                return "R_BPF_" + type;
        }
    }
}
