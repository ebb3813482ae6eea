package dev.ebpfjvm.core.elf;

import java.util.Objects;

/**
 * A reference from an instruction of a linked program to something outside its instructions,
 * as the object's relocations (and libbpf's reloc_desc) describe it. Calls and function
 * addresses are already resolved in the instructions when the spec is built (their offsets
 * depend only on the linked layout); maps and global data are resolved when the object is
 * loaded, because their addresses exist only then.
 *
 * @param slot the slot of the lddw or call in the program's instructions
 * @param kind what the instruction refers to
 * @param target the map (MAP), data-section map (MAP_VALUE) or function (CALL, FUNC) named
 * @param offset for MAP_VALUE, the byte offset in the map's value; else 0
 * @param symbol the ELF symbol the relocation was against (".text", ".bss" for static data …),
 *     or the empty string for a call within a section, which needs no relocation
 */
public record Relocation(int slot, Kind kind, String target, int offset, String symbol) {
    public Relocation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(symbol, "symbol");
    }

    /** What a relocated instruction refers to. */
    public enum Kind {
        /** {@code lddw rX, map}: becomes {@code BPF_PSEUDO_MAP_FD} with the map's address. */
        MAP,
        /** {@code lddw rX, &var}: becomes {@code BPF_PSEUDO_MAP_VALUE}, the data map's value address + offset. */
        MAP_VALUE,
        /** A bpf-to-bpf call ({@code BPF_PSEUDO_CALL}); the offset is fixed at link time. */
        CALL,
        /** {@code lddw rX, &func} for callbacks ({@code BPF_PSEUDO_FUNC}); the offset is fixed at link time. */
        FUNC
    }

    /** {@return the same relocation moved by a number of slots} */
    Relocation shift(int slots) {
        return new Relocation(slot + slots, kind, target, offset, symbol);
    }
}
