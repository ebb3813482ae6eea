package dev.ebpfjvm.core.asm;

import dev.ebpfjvm.core.InvalidProgramException;
import dev.ebpfjvm.core.elf.ProgramSection;
import dev.ebpfjvm.core.elf.ProgramSpec;
import dev.ebpfjvm.core.elf.Relocation;
import dev.ebpfjvm.core.elf.Subprogram;
import dev.ebpfjvm.core.isa.AsmInsn;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.InsnClass;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.isa.JumpOp;
import dev.ebpfjvm.core.isa.PseudoSrc;
import dev.ebpfjvm.core.isa.SymbolicInsn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One assembly of an {@link InsnList}: the label table, then every reference resolved. Jumps,
 * calls and function addresses become slot offsets (target slot - slot - 1, as the text
 * {@code Assembler} and libbpf's bpf_object__reloc_code() compute them); map references stay
 * for the loader, in the form an ELF object has them before relocation ({@code lddw dst, 0},
 * or the offset in the value for global data), with a {@link Relocation} each.
 */
final class Assembly {
    private final List<Insn> out = new ArrayList<>();
    private final List<Relocation> relocations = new ArrayList<>();
    /** Slots of the called functions, by label: each starts a subprogram. */
    private final TreeMap<Integer, String> functions = new TreeMap<>();

    private int slots;

    private Assembly() {}

    static Assembly of(List<AsmInsn> insns, List<List<String>> labelsAt) {
        Assembly a = new Assembly();
        a.run(insns, labelsAt);
        return a;
    }

    private void run(List<AsmInsn> insns, List<List<String>> labelsAt) {
        int[] slotOf = new int[insns.size() + 1];
        for (int i = 0; i < insns.size(); i++) {
            slotOf[i + 1] = slotOf[i] + insns.get(i).insn().slots();
        }
        slots = slotOf[insns.size()];
        Map<String, Integer> symbols = symbols(insns, labelsAt, slotOf);
        for (int i = 0; i < insns.size(); i++) {
            AsmInsn item = insns.get(i);
            String ref = item.reference();
            out.add(ref == null ? item.insn() : resolve((SymbolicInsn) item, slotOf[i], symbols));
        }
    }

    private static Map<String, Integer> symbols(List<AsmInsn> insns, List<List<String>> labelsAt, int[] slotOf) {
        Map<String, Integer> symbols = new HashMap<>();
        for (int i = 0; i <= insns.size(); i++) {
            List<String> names = new ArrayList<>(labelsAt.get(i));
            if (i < insns.size() && insns.get(i).symbol() != null) {
                names.add(insns.get(i).symbol());
            }
            for (String name : names) {
                Integer first = symbols.putIfAbsent(name, slotOf[i]);
                if (first != null) {
                    throw new LabelException(
                            LabelException.Kind.DUPLICATE,
                            name,
                            slotOf[i],
                            "duplicate label '" + name + "' (first at insn " + first + ")");
                }
            }
        }
        return symbols;
    }

    private Insn resolve(SymbolicInsn s, int slot, Map<String, Integer> symbols) {
        Insn insn = s.insn();
        String name = s.reference();
        SymbolicInsn.Kind kind = s.kind();
        if (kind == SymbolicInsn.Kind.MAP || kind == SymbolicInsn.Kind.MAP_VALUE) {
            boolean value = kind == SymbolicInsn.Kind.MAP_VALUE;
            int offset = value ? insn.imm32() : 0;
            relocations.add(
                    new Relocation(slot, value ? Relocation.Kind.MAP_VALUE : Relocation.Kind.MAP, name, offset, name));
            return Insn.lddw(insn.dst(), PseudoSrc.NONE, offset);
        }
        Integer target = symbols.get(name);
        if (target == null) {
            throw new LabelException(LabelException.Kind.UNKNOWN, name, slot, "unknown label '" + name + "'");
        }
        int rel = target - slot - 1;
        switch (kind) {
            case CALL:
            case FUNC:
                if (target > 0) {
                    functions.put(target, name);
                }
                relocations.add(new Relocation(
                        slot,
                        kind == SymbolicInsn.Kind.CALL ? Relocation.Kind.CALL : Relocation.Kind.FUNC,
                        name,
                        0,
                        ""));
                return kind == SymbolicInsn.Kind.CALL
                        ? Insn.of(insn.opcode(), insn.dst(), insn.src(), insn.off(), rel)
                        : Insn.lddw(insn.dst(), PseudoSrc.FUNC, rel & 0xffffffffL);
            case JUMP:
                if (insn.opcode() == (InsnClass.JMP32.code() | JumpOp.JA.code())) {
                    return Insn.of(insn.opcode(), insn.dst(), insn.src(), insn.off(), rel);
                }
                if (rel != (short) rel) {
                    throw new LabelException(
                            LabelException.Kind.OUT_OF_RANGE,
                            name,
                            slot,
                            "jump to label '" + name + "' is " + rel
                                    + " slots away, beyond the 16-bit offset (gotol reaches it)");
                }
                return Insn.of(insn.opcode(), insn.dst(), insn.src(), rel, insn.imm32());
            default:
                throw new IllegalStateException("reference of kind " + kind);
        }
    }

    Instructions instructions() {
        for (Relocation r : relocations) {
            if (r.kind() == Relocation.Kind.MAP || r.kind() == Relocation.Kind.MAP_VALUE) {
                throw new InvalidProgramException(
                        r.slot(),
                        "lddw of map '" + r.target()
                                + "' is resolved by the loader: assemble with spec(...) and load it with the map");
            }
        }
        return new Instructions(out);
    }

    ProgramSpec spec(String name, String section, String license) {
        List<Subprogram> subprograms = new ArrayList<>();
        int start = 0;
        String current = name;
        for (Map.Entry<Integer, String> f : functions.entrySet()) {
            subprograms.add(new Subprogram(current, section, start, f.getKey() - start));
            start = f.getKey();
            current = f.getValue();
        }
        subprograms.add(new Subprogram(current, section, start, slots - start));
        ProgramSection def = ProgramSection.of(section);
        return new ProgramSpec(
                name,
                section,
                def.type(),
                def.attachType(),
                def.supported(),
                new Instructions(out),
                relocations,
                subprograms,
                List.of(),
                List.of(),
                license);
    }
}
