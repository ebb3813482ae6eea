package dev.ebpfjvm.core.elf;

import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.btf.BtfSpec;
import dev.ebpfjvm.core.btf.BtfType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of a BTF DATASEC with their real offsets. Clang leaves a DATASEC's size and its
 * variables' offsets zero; the offsets come from the ELF symbols of the same names in the
 * section. Mirrors btf_fixup_datasec() in libbpf's src/libbpf.c, which also finds static
 * variables' symbols here (libbpf leaves those offsets zero).
 */
final class DatasecVars {
    /**
     * A variable of a data or map section.
     *
     * @param name the VAR's name
     * @param var the VAR
     * @param typeId the VAR type's id
     * @param offset the byte offset in the section
     * @param size the size in bytes
     */
    record Entry(String name, BtfType.Var var, int typeId, long offset, int size) {}

    private DatasecVars() {}

    /** {@return the variables of a section's DATASEC, each checked to lie inside the section} */
    static List<Entry> of(ElfFile elf, ElfSection section, BtfSpec btf, BtfType.Datasec sec) {
        List<Entry> out = new ArrayList<>();
        Map<String, Long> symbols = new HashMap<>();
        for (ElfSymbol sym : elf.symbolsIn(section)) {
            if (sym.type() == ElfSymbol.STT_OBJECT) {
                symbols.putIfAbsent(sym.name(), sym.value());
            }
        }
        for (BtfType.VarSecinfo vi : sec.vars()) {
            BtfType t = btf.type(vi.type());
            if (!(t instanceof BtfType.Var) || t.name().isEmpty()) {
                throw new MalformedObjectException(
                        section.name(), "DATASEC entry [" + vi.type() + "] '" + t.name() + "' is not a named VAR");
            }
            Long symbol = symbols.get(t.name());
            if (sec.size() == 0 && symbol == null) {
                throw new MalformedObjectException(section.name(), "no ELF symbol for BTF variable '" + t.name() + "'");
            }
            long offset = sec.size() == 0 ? symbol : vi.offset();
            if (offset < 0 || offset + vi.size() > section.size()) {
                throw new MalformedObjectException(
                        section.name(),
                        "variable '" + t.name() + "' [" + offset + ", +" + vi.size() + ") lies outside the section of "
                                + section.size() + " bytes");
            }
            out.add(new Entry(t.name(), (BtfType.Var) t, vi.type(), offset, vi.size()));
        }
        return out;
    }
}
