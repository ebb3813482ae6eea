package dev.ebpfjvm.core.elf;

import dev.ebpfjvm.core.btf.FuncInfo;
import dev.ebpfjvm.core.btf.LineInfo;
import dev.ebpfjvm.core.isa.Instructions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The blueprint of one program of an object (cilium/ebpf's ProgramSpec): its instructions with
 * every called function linked in after its own, bpf-to-bpf call offsets and callback addresses
 * fixed, and the map and global-data references still symbolic ({@link #relocations()}), to be
 * resolved when the object is loaded.
 *
 * @param name the program's function name
 * @param section the ELF section it was found in ({@code tc}, {@code tcx/ingress} …)
 * @param type the program type the section name gives
 * @param attachType the expected attach type the section name gives
 * @param supported whether ebpf-jvm runs programs of this section (tc and tcx only)
 * @param insns the linked instructions
 * @param relocations every map, global-data, call and callback reference, by slot
 * @param functions the program's own function, then each linked subprogram, by start slot
 * @param funcInfos BTF function starts, relative to the linked program
 * @param lineInfos C source lines, relative to the linked program
 * @param license the object's license ({@code SEC("license")})
 */
public record ProgramSpec(
        String name,
        String section,
        ProgramType type,
        AttachType attachType,
        boolean supported,
        Instructions insns,
        List<Relocation> relocations,
        List<Subprogram> functions,
        List<FuncInfo> funcInfos,
        List<LineInfo> lineInfos,
        String license) {
    public ProgramSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(attachType, "attachType");
        Objects.requireNonNull(insns, "insns");
        Objects.requireNonNull(license, "license");
        relocations = List.copyOf(relocations);
        functions = List.copyOf(functions);
        funcInfos = List.copyOf(funcInfos);
        lineInfos = List.copyOf(lineInfos);
    }

    /**
     * {@return why ebpf-jvm does not run this program ({@code "xdp programs are not supported …"}),
     * or empty when it runs it} Loading an object skips its unsupported programs.
     */
    public Optional<String> unsupportedReason() {
        return supported
                ? Optional.empty()
                : Optional.of(ProgramSection.of(section).unsupportedReason());
    }

    /** {@return the number of slots of the program's own function, before the linked subprograms} */
    public int ownSlots() {
        return functions.get(0).length();
    }

    /** {@return the C source line of a slot: the last line info at or before it, or null} */
    public LineInfo lineAt(int slot) {
        LineInfo found = null;
        for (LineInfo li : lineInfos) {
            if (li.slot() <= slot && (found == null || li.slot() >= found.slot())) {
                found = li;
            }
        }
        return found;
    }
}
