package dev.ebpfjvm.core.btf;

/**
 * A {@code struct bpf_func_info} of {@code .BTF.ext}: the BTF FUNC that starts at an instruction.
 *
 * @param slot the instruction slot where the function starts (the file stores bytes; this is
 *     bytes / 8, relative to the section or, once linked, to the program)
 * @param typeId the FUNC's BTF type id
 */
public record FuncInfo(int slot, int typeId) {
    /** {@return the same record moved by a number of slots, for code appended at another place} */
    public FuncInfo shift(int slots) {
        return new FuncInfo(slot + slots, typeId);
    }
}
