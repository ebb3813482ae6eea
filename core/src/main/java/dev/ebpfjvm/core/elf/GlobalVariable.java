package dev.ebpfjvm.core.elf;

import java.util.Objects;

/**
 * A global variable in a data section ({@code .data*}, {@code .rodata*}, {@code .bss*}): a
 * range of the value of that section's single-element ARRAY map.
 *
 * @param name the variable's name
 * @param section the data section, which is also the name of its map
 * @param offset the byte offset in the section
 * @param size the size in bytes
 * @param btfType the BTF type id of the variable's type, 0 when the object has no BTF for it
 */
public record GlobalVariable(String name, String section, int offset, int size, int btfType) {
    public GlobalVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(section, "section");
    }

    /** {@return true for variables of {@code .rodata} sections, which programs may not write} */
    public boolean isReadOnly() {
        return DataSections.isReadOnly(section);
    }
}
