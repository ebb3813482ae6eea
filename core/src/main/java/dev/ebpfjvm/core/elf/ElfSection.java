package dev.ebpfjvm.core.elf;

/**
 * One section header of an ELF64 file ({@code Elf64_Shdr}), with its name looked up.
 *
 * @param index the section's index in the header table
 * @param name the name from the section-name string table
 * @param type {@code sh_type}: {@link #SHT_PROGBITS}, {@link #SHT_SYMTAB}, {@link #SHT_REL} …
 * @param flags {@code sh_flags}: {@link #SHF_ALLOC}, {@link #SHF_EXECINSTR} …
 * @param offset {@code sh_offset}: where the contents start in the file
 * @param size {@code sh_size} in bytes (for NOBITS, the size in memory; no bytes in the file)
 * @param link {@code sh_link}: the symbol table of a REL section, the string table of a symbol table
 * @param info {@code sh_info}: the section a REL section relocates
 * @param entrySize {@code sh_entsize}
 */
public record ElfSection(
        int index, String name, int type, long flags, long offset, long size, int link, int info, long entrySize) {
    /** {@code SHT_PROGBITS}: contents defined by the program. */
    public static final int SHT_PROGBITS = 1;
    /** {@code SHT_SYMTAB}: the symbol table. */
    public static final int SHT_SYMTAB = 2;
    /** {@code SHT_STRTAB}: a string table. */
    public static final int SHT_STRTAB = 3;
    /** {@code SHT_RELA}: relocations with addends (clang never emits them for BPF). */
    public static final int SHT_RELA = 4;
    /** {@code SHT_NOBITS}: occupies no file space ({@code .bss}). */
    public static final int SHT_NOBITS = 8;
    /** {@code SHT_REL}: relocations without addends. */
    public static final int SHT_REL = 9;
    /** {@code SHF_WRITE}. */
    public static final long SHF_WRITE = 0x1;
    /** {@code SHF_ALLOC}: occupies memory at run time. */
    public static final long SHF_ALLOC = 0x2;
    /** {@code SHF_EXECINSTR}: holds instructions. */
    public static final long SHF_EXECINSTR = 0x4;

    /** {@return true for sections of instructions (program sections and {@code .text})} */
    public boolean isExecutable() {
        return type == SHT_PROGBITS && (flags & SHF_EXECINSTR) != 0;
    }

    /** {@return true for sections without bytes in the file} */
    public boolean isNoBits() {
        return type == SHT_NOBITS;
    }
}
