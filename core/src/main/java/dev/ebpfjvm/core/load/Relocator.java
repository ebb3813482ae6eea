package dev.ebpfjvm.core.load;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.elf.ProgramSpec;
import dev.ebpfjvm.core.elf.Relocation;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.isa.PseudoSrc;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.memory.Reach;
import dev.ebpfjvm.core.memory.RegionTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the map and global-data references of a program to addresses: {@code lddw rX, map}
 * becomes {@code BPF_PSEUDO_MAP_FD} with the map's address, {@code lddw rX, &var} becomes
 * {@code BPF_PSEUDO_MAP_VALUE} with the address of the variable in its data map's value. The src
 * field keeps the pseudo kind, so that later tools and the verifier know what the constant is;
 * engines load the 64-bit immediate as it is. Mirrors bpf_object__relocate_data() in libbpf's
 * src/libbpf.c, with addresses in place of file descriptors (resolve_pseudo_ldimm64() in
 * kernel/bpf/verifier.c then has nothing left to do).
 */
final class Relocator {
    private Relocator() {}

    /**
     * {@return the program with its references resolved}, reaching the regions of every map of its
     * object (global data included) and of the inner maps those hold, in {@code regions}
     */
    static Program relocate(ProgramSpec spec, LoadedMaps maps, HelperRegistry helpers, RegionTable regions) {
        List<Insn> insns = new ArrayList<>(spec.insns().list());
        Map<Integer, Integer> indexOfSlot = new HashMap<>();
        for (int i = 0; i < insns.size(); i++) {
            indexOfSlot.put(spec.insns().slotOf(i), i);
        }
        for (Relocation r : spec.relocations()) {
            if (r.kind() != Relocation.Kind.MAP && r.kind() != Relocation.Kind.MAP_VALUE) {
                continue; // calls and callbacks were linked when the spec was read
            }
            BpfMap map = maps.get(r.target());
            if (map == null) {
                throw new EbpfException("program '" + spec.name() + "': insn " + r.slot() + " refers to map '"
                        + r.target() + "', which the object does not declare");
            }
            int index = indexOfSlot.get(r.slot());
            Insn old = insns.get(index);
            insns.set(
                    index,
                    r.kind() == Relocation.Kind.MAP
                            ? new Insn(Insn.LDDW, old.dst(), PseudoSrc.MAP_FD.code(), old.off(), map.address())
                            : new Insn(
                                    Insn.LDDW,
                                    old.dst(),
                                    PseudoSrc.MAP_VALUE.code(),
                                    old.off(),
                                    map.valueAddress(r.offset())));
        }
        return new Program(
                spec.name(),
                new Instructions(insns),
                helpers,
                Reach.of(regions, maps.all().values()));
    }
}
