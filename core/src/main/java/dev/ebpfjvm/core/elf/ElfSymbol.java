package dev.ebpfjvm.core.elf;

/**
 * One entry of the symbol table ({@code Elf64_Sym}), with its name looked up.
 *
 * @param index the symbol's index in the table (what relocations refer to)
 * @param name the name, empty for unnamed symbols
 * @param value {@code st_value}: for symbols in a section, the byte offset in it
 * @param size {@code st_size} in bytes
 * @param type {@code ELF64_ST_TYPE}: {@link #STT_NOTYPE}, {@link #STT_OBJECT}, {@link #STT_FUNC}, {@link #STT_SECTION}
 * @param bind {@code ELF64_ST_BIND}: {@link #STB_LOCAL}, {@link #STB_GLOBAL}, {@link #STB_WEAK}
 * @param visibility {@code st_other & 3}
 * @param sectionIndex {@code st_shndx}: the section the symbol is defined in, or {@link #SHN_UNDEF}
 *     for externs, or a reserved index such as {@link #SHN_ABS}
 */
public record ElfSymbol(
        int index, String name, long value, long size, int type, int bind, int visibility, int sectionIndex) {
    /** {@code STT_NOTYPE}. */
    public static final int STT_NOTYPE = 0;
    /** {@code STT_OBJECT}: a variable or map. */
    public static final int STT_OBJECT = 1;
    /** {@code STT_FUNC}: a function. */
    public static final int STT_FUNC = 2;
    /** {@code STT_SECTION}: the section itself (static symbols are relocated against it). */
    public static final int STT_SECTION = 3;
    /** {@code STB_LOCAL}. */
    public static final int STB_LOCAL = 0;
    /** {@code STB_GLOBAL}. */
    public static final int STB_GLOBAL = 1;
    /** {@code STB_WEAK}. */
    public static final int STB_WEAK = 2;
    /** {@code SHN_UNDEF}: an undefined (extern) symbol. */
    public static final int SHN_UNDEF = 0;
    /** {@code SHN_LORESERVE}: the first reserved section index. */
    public static final int SHN_LORESERVE = 0xff00;
    /** {@code SHN_ABS}: an absolute value, in no section. */
    public static final int SHN_ABS = 0xfff1;

    /** {@return true for functions} */
    public boolean isFunction() {
        return type == STT_FUNC;
    }

    /** {@return true for global or weak symbols} */
    public boolean isGlobal() {
        return bind == STB_GLOBAL || bind == STB_WEAK;
    }

    /** {@return true for externs: symbols defined in no section} */
    public boolean isUndefined() {
        return sectionIndex == SHN_UNDEF;
    }

    /** {@return true when the symbol is defined in an ordinary section (not undefined, not reserved)} */
    public boolean isInSection() {
        return sectionIndex != SHN_UNDEF && sectionIndex < SHN_LORESERVE;
    }
}
