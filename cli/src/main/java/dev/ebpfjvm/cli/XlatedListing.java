package dev.ebpfjvm.cli;

import dev.ebpfjvm.core.btf.BtfSpec;
import dev.ebpfjvm.core.btf.BtfType;
import dev.ebpfjvm.core.btf.FuncInfo;
import dev.ebpfjvm.core.btf.LineInfo;
import dev.ebpfjvm.core.isa.Disassembler;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.InsnCodec;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.isa.PseudoSrc;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.maps.MapException;
import dev.ebpfjvm.core.memory.Address;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A program listed as {@code bpftool prog dump xlated [opcodes] [linum]} prints it, following
 * dump_xlated_plain() in tools/bpf/bpftool/xlated_dumper.c and btf_dumper_type_only() and
 * btf_dump_linfo_plain() in btf_dumper.c (v6.18): before the instruction where a BTF function
 * starts, its signature ({@code int nat44(struct __sk_buff * skb):}); before an instruction with
 * BTF line info, {@code ; } and the C source line (with {@code [file:F line_num:N line_col:C]}
 * when {@code linum}); each instruction as {@code "% 4d: (%02x) text"} in the kernel's syntax
 * ({@link Disassembler#toKernel}); with {@code opcodes}, its bytes on the next line.
 *
 * <p>The instructions are ours, not the kernel's: bpftool shows the program after the verifier
 * rewrote it (context accesses converted, map lookups inlined, helper calls patched to
 * addresses), while this shows it as the engines receive it, with map references as bpftool
 * prints them ({@link #withMapIds}).
 */
final class XlatedListing {
    private XlatedListing() {}

    /**
     * {@return the program with each map reference resolved to its map's id, as the kernel's
     * bpf_insn_prepare_dump() does for bpftool}: a {@code BPF_PSEUDO_MAP_FD} load of a map's
     * address holds the map id ({@code map[id:N]}), a {@code BPF_PSEUDO_MAP_VALUE} load of an address
     * in a map's value holds the id and the offset ({@code map[id:N][0]+off})
     */
    static Instructions withMapIds(Instructions program, Collection<BpfMap> maps) {
        Map<Long, BpfMap> byAddress = new HashMap<>();
        Map<Integer, BpfMap> byValueRegion = new HashMap<>();
        Map<Integer, Long> valueBase = new HashMap<>();
        for (BpfMap m : maps) {
            byAddress.put(m.address(), m);
            try {
                long base = m.valueAddress(0);
                byValueRegion.put(Address.region(base), m);
                valueBase.put(Address.region(base), base);
            } catch (MapException e) {
                // Not a map with a direct value address (only single-value arrays have one).
            }
        }
        List<Insn> out = new ArrayList<>(program.size());
        for (Insn insn : program.list()) {
            Insn shown = insn;
            if (insn.opcode() == Insn.LDDW
                    && insn.pseudoSrc() == PseudoSrc.MAP_FD
                    && byAddress.containsKey(insn.imm())) {
                shown = Insn.lddw(
                        insn.dst(), PseudoSrc.MAP_FD, byAddress.get(insn.imm()).id() & 0xffffffffL);
            } else if (insn.opcode() == Insn.LDDW
                    && insn.pseudoSrc() == PseudoSrc.MAP_VALUE
                    && byValueRegion.containsKey(Address.region(insn.imm()))) {
                int region = Address.region(insn.imm());
                long offset = insn.imm() - valueBase.get(region);
                shown = Insn.lddw(
                        insn.dst(),
                        PseudoSrc.MAP_VALUE,
                        (byValueRegion.get(region).id() & 0xffffffffL) | (offset << 32));
            }
            out.add(shown);
        }
        return new Instructions(out);
    }

    /**
     * {@return the listing, each line ending in a newline}
     *
     * @param btf the object's BTF, for function signatures; null when it has none
     * @param funcInfos where BTF functions start, by slot (empty without BTF)
     * @param lineInfos the C source lines, by slot (empty without BTF)
     * @param linum add each source line's file, line and column
     * @param opcodes add each instruction's bytes
     */
    static String render(
            Instructions program,
            BtfSpec btf,
            List<FuncInfo> funcInfos,
            List<LineInfo> lineInfos,
            boolean linum,
            boolean opcodes,
            IntFunction<String> helperName) {
        Map<Integer, FuncInfo> funcs = new HashMap<>();
        funcInfos.forEach(f -> funcs.putIfAbsent(f.slot(), f));
        Map<Integer, LineInfo> lines = new HashMap<>();
        lineInfos.forEach(l -> lines.putIfAbsent(l.slot(), l));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < program.size(); i++) {
            int slot = program.slotOf(i);
            Insn insn = program.list().get(i);
            FuncInfo func = funcs.get(slot);
            if (func != null && btf != null) {
                String signature = signature(btf, func.typeId());
                if (!signature.isEmpty()) {
                    out.append(signature).append(":\n");
                }
            }
            LineInfo line = lines.get(slot);
            if (line != null) {
                out.append("; ").append(line.line().stripLeading());
                if (linum) {
                    out.append(" [file:")
                            .append(line.fileName())
                            .append(" line_num:")
                            .append(line.lineNumber())
                            .append(" line_col:")
                            .append(line.column())
                            .append(']');
                }
                out.append('\n');
            }
            out.append(String.format("%4d: (%02x) %s%n", slot, insn.opcode(), Disassembler.toKernel(insn, helperName)));
            if (opcodes) {
                out.append("       ")
                        .append(hex(InsnCodec.encode(List.of(insn))))
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** bpftool's fprint_hex(): two hex digits a byte, one space between bytes and between the slots of an lddw. */
    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02x", bytes[i] & 0xff));
        }
        return sb.toString();
    }

    /**
     * {@return a BTF function's signature as btf_dumper_type_only() prints it
     * ({@code int nat44(struct __sk_buff * skb)}), or empty for a kind it does not print}
     */
    static String signature(BtfSpec btf, int typeId) {
        StringBuilder sb = new StringBuilder();
        try {
            return type(btf, typeId, sb, 0) ? sb.toString() : "";
        } catch (IllegalArgumentException e) {
            return ""; // a type id outside the BTF: bpftool prints no signature either
        }
    }

    /** Appends a type as __btf_dumper_type_only() does; false for a kind it cannot print. */
    private static boolean type(BtfSpec btf, int id, StringBuilder sb, int depth) {
        if (depth > 32) {
            return false; // a cycle through pointers: no real signature is this deep
        }
        if (id == 0) {
            sb.append("void ");
            return true;
        }
        BtfType t = btf.type(id);
        switch (t.kind()) {
            case INT:
                sb.append(((BtfType.Int) t).name()).append(' ');
                return true;
            case TYPEDEF:
                sb.append(((BtfType.Typedef) t).name()).append(' ');
                return true;
            case STRUCT:
                sb.append("struct ").append(((BtfType.Struct) t).name()).append(' ');
                return true;
            case UNION:
                sb.append("union ").append(((BtfType.Union) t).name()).append(' ');
                return true;
            case ENUM:
                sb.append("enum ").append(((BtfType.Enum) t).name()).append(' ');
                return true;
            case ARRAY:
                BtfType.Array a = (BtfType.Array) t;
                if (!type(btf, a.elemType(), sb, depth + 1)) {
                    return false;
                }
                sb.append('[').append(a.count()).append(']');
                return true;
            case PTR:
                if (!type(btf, ((BtfType.Ptr) t).type(), sb, depth + 1)) {
                    return false;
                }
                sb.append("* ");
                return true;
            case FWD:
                BtfType.Fwd fwd = (BtfType.Fwd) t;
                sb.append(fwd.union() ? "union " : "struct ").append(fwd.name()).append(' ');
                return true;
            case VOLATILE:
                sb.append("volatile ");
                return type(btf, ((BtfType.Volatile) t).type(), sb, depth + 1);
            case CONST:
                sb.append("const ");
                return type(btf, ((BtfType.Const) t).type(), sb, depth + 1);
            case RESTRICT:
                sb.append("restrict ");
                return type(btf, ((BtfType.Restrict) t).type(), sb, depth + 1);
            case FUNC_PROTO:
                return function(btf, (BtfType.FuncProto) t, null, sb, depth);
            case FUNC:
                BtfType.Func f = (BtfType.Func) t;
                BtfType proto = btf.type(f.type());
                return proto instanceof BtfType.FuncProto
                        && function(btf, (BtfType.FuncProto) proto, f.name(), sb, depth);
            default:
                return false;
        }
    }

    private static boolean function(BtfSpec btf, BtfType.FuncProto proto, String name, StringBuilder sb, int depth) {
        if (!type(btf, proto.returnType(), sb, depth + 1)) {
            return false;
        }
        sb.append(name != null ? name : "").append('(');
        for (int i = 0; i < proto.params().size(); i++) {
            BtfType.Param p = proto.params().get(i);
            if (i > 0) {
                sb.append(", ");
            }
            if (p.type() == 0) {
                sb.append("...");
            } else {
                if (!type(btf, p.type(), sb, depth + 1)) {
                    return false;
                }
                sb.append(p.name());
            }
        }
        sb.append(')');
        return true;
    }
}
