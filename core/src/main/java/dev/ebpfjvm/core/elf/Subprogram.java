package dev.ebpfjvm.core.elf;

import java.util.Objects;

/**
 * A function linked into a program: the program's own function first, then every function it
 * calls (directly or not), appended in the order libbpf's bpf_object__relocate_calls() appends
 * them.
 *
 * @param name the function's symbol name
 * @param section the section the function comes from
 * @param slot the slot where it starts in the linked program
 * @param length its length in slots
 */
public record Subprogram(String name, String section, int slot, int length) {
    public Subprogram {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(section, "section");
    }
}
