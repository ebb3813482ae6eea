package dev.ebpfjvm.core.elf;

import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.PseudoSrc;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves what every instruction of every function refers to: the relocations of the code
 * sections ({@code R_BPF_64_64} on lddw for maps, global data and function addresses,
 * {@code R_BPF_64_32} on calls), and calls within one section, which need none. Mirrors
 * bpf_program__record_reloc() in libbpf's src/libbpf.c, allowing calls into any code section
 * rather than only {@code .text}.
 */
final class CodeRefs {
    private static final int CALL = 0x85;

    private final ElfFile elf;
    private final CodeSections code;
    private final List<DeclaredMap> maps;
    private final MapIndex mapIndex;
    private final Map<Integer, String> dataMaps;

    private CodeRefs(ElfFile elf, CodeSections code, List<DeclaredMap> maps, Map<Integer, String> dataMaps) {
        this.elf = elf;
        this.code = code;
        this.maps = maps;
        this.mapIndex = new MapIndex(maps);
        this.dataMaps = dataMaps;
    }

    /**
     * Records every reference in the functions of {@code code}.
     *
     * @param maps the maps of {@code .maps} and {@code maps}
     * @param dataMaps the data-section map names by section index
     */
    static void resolve(ElfFile elf, CodeSections code, List<DeclaredMap> maps, Map<Integer, String> dataMaps) {
        CodeRefs refs = new CodeRefs(elf, code, maps, dataMaps);
        for (ElfSection s : elf.sections()) {
            if (s.isExecutable()) {
                for (ElfRelocation rel : elf.relocations(s)) {
                    refs.relocation(s, rel);
                }
            }
        }
        code.functions().forEach(refs::localCalls);
    }

    private void relocation(ElfSection s, ElfRelocation rel) {
        if (rel.offset() % 8 != 0) {
            throw new MalformedObjectException(
                    s.name(), "relocation at offset " + rel.offset() + " is not on an instruction");
        }
        int slot = (int) (rel.offset() / 8);
        Optional<CodeFunction> fn = code.containing(s, slot);
        if (fn.isEmpty()) {
            return; // code outside every function symbol: libbpf skips it too
        }
        Insn insn = fn.get().insns.atSlot(slot - fn.get().start);
        ElfSymbol sym = elf.symbols().get(rel.symbol());
        String where = "relocation at offset " + rel.offset() + " against '" + sym.name() + "'";
        if (insn == null) {
            throw new MalformedObjectException(s.name(), where + " points into the middle of an lddw");
        }
        boolean call = insn.opcode() == CALL;
        if (rel.type() != ElfRelocation.R_BPF_64_64 && rel.type() != ElfRelocation.R_BPF_64_32) {
            throw new UnsupportedFeatureException("section '" + s.name() + "': " + where + ": relocation type "
                    + ElfRelocation.typeName(rel.type()) + " in code is not supported");
        }
        if (rel.type() == ElfRelocation.R_BPF_64_64 ? !insn.isWide() : !call) {
            throw new MalformedObjectException(
                    s.name(),
                    where + ": " + ElfRelocation.typeName(rel.type()) + " on instruction 0x"
                            + Integer.toHexString(insn.opcode()) + ", which it cannot apply to");
        }
        if (sym.isUndefined()) {
            // Fails the programs that link this function (ProgramLinker), not the whole object.
            fn.get()
                    .markExtern(
                            slot - fn.get().start,
                            "section '" + s.name() + "': " + where + ": '" + sym.name()
                                    + "' is an extern (kfuncs, __ksym and __kconfig variables are not supported)");
            return;
        }
        if (!sym.isInSection()) {
            throw new MalformedObjectException(
                    s.name(), where + " in special section 0x" + Integer.toHexString(sym.sectionIndex()));
        }
        ElfSection target = elf.section(sym.sectionIndex());
        String symbol = sym.type() == ElfSymbol.STT_SECTION ? target.name() : sym.name();
        CodeRef ref =
                call ? callRef(s, where, insn, sym, target, symbol) : lddwRef(s, where, insn, sym, target, symbol);
        fn.get().addRef(slot - fn.get().start, ref);
    }

    private CodeRef callRef(ElfSection s, String where, Insn insn, ElfSymbol sym, ElfSection target, String symbol) {
        if (insn.src() != 1) {
            throw new MalformedObjectException(
                    s.name(), where + ": a call with a relocation must be a bpf-to-bpf call (src 1)");
        }
        if (!target.isExecutable() || sym.value() % 8 != 0) {
            throw new MalformedObjectException(
                    s.name(),
                    where + ": call target in section '" + target.name() + "' at offset " + sym.value()
                            + " is not code");
        }
        long slot = sym.value() / 8 + insn.imm() + 1;
        return CodeRef.toFunction(Relocation.Kind.CALL, function(s, where, target, slot), symbol);
    }

    private CodeRef lddwRef(ElfSection s, String where, Insn insn, ElfSymbol sym, ElfSection target, String symbol) {
        long offset = sym.value() + insn.imm32();
        if (target.isExecutable()) {
            if (offset % 8 != 0) {
                throw new MalformedObjectException(
                        s.name(), where + ": function address " + offset + " is not on an instruction");
            }
            return CodeRef.toFunction(Relocation.Kind.FUNC, function(s, where, target, offset / 8), symbol);
        }
        Optional<Integer> map = mapIndex.at(target.index(), sym.value());
        if (map.isPresent()) {
            return CodeRef.toMap(Relocation.Kind.MAP, maps.get(map.get()).spec().name(), 0, symbol);
        }
        if (target.name().equals(MapSections.BTF_MAPS) || target.name().equals(MapSections.LEGACY_MAPS)) {
            throw new MalformedObjectException(
                    s.name(), where + ": no map at offset " + sym.value() + " of '" + target.name() + "'");
        }
        String data = dataMaps.get(target.index());
        if (data == null) {
            throw new UnsupportedFeatureException("section '" + s.name() + "': " + where + ": references section '"
                    + target.name() + "', which is neither a map nor global data");
        }
        if (offset < 0 || offset >= target.size()) {
            throw new MalformedObjectException(
                    s.name(),
                    where + ": offset " + offset + " outside '" + target.name() + "' of " + target.size() + " bytes");
        }
        return CodeRef.toMap(Relocation.Kind.MAP_VALUE, data, (int) offset, symbol);
    }

    private CodeFunction function(ElfSection s, String where, ElfSection target, long slot) {
        return code.startingAt(target, slot)
                .orElseThrow(() -> new MalformedObjectException(
                        s.name(),
                        where + ": no function starts at offset " + slot * 8 + " of '" + target.name() + "'"));
    }

    /** Calls to a static function of the same section carry no relocation: imm is relative. */
    private void localCalls(CodeFunction fn) {
        List<Insn> insns = fn.insns.list();
        for (int i = 0; i < insns.size(); i++) {
            Insn insn = insns.get(i);
            int slot = fn.insns.slotOf(i);
            if (fn.refs().containsKey(slot) || fn.isExternAt(slot)) {
                continue;
            }
            String where = "instruction at offset " + (fn.start + slot) * 8L + " of '" + fn.name + "'";
            if (insn.isLocalCall()) {
                long target = fn.start + slot + insn.imm() + 1;
                fn.addRef(
                        slot,
                        CodeRef.toFunction(Relocation.Kind.CALL, function(fn.section, where, fn.section, target), ""));
            } else if (insn.isWide() && insn.pseudoSrc() == PseudoSrc.FUNC) {
                throw new MalformedObjectException(
                        fn.section.name(), where + ": function address without a relocation");
            }
        }
    }
}
