package dev.ebpfjvm.core.elf;

import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.btf.FuncInfo;
import dev.ebpfjvm.core.btf.LineInfo;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.Instructions;
import dev.ebpfjvm.core.isa.PseudoSrc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Links one entry program: its own instructions, then every function it calls or takes the
 * address of, appended depth-first in the order the references are met, each once; call and
 * callback offsets are rewritten for the new layout ({@code BPF_PSEUDO_CALL} imm and
 * {@code BPF_PSEUDO_FUNC} lddw imm = target slot - instruction slot - 1). Mirrors
 * bpf_object__reloc_code() and bpf_object__append_subprog_code() in libbpf's src/libbpf.c,
 * with an explicit stack instead of recursion, so that a long call chain in a crafted file
 * cannot overflow the Java stack.
 */
final class ProgramLinker {
    /** {@code BPF_COMPLEXITY_LIMIT_INSNS}: the kernel refuses longer programs (E2BIG). */
    static final int MAX_SLOTS = 1_000_000;

    private final List<Insn> out = new ArrayList<>();
    private final List<Relocation> relocations = new ArrayList<>();
    private final List<Subprogram> functions = new ArrayList<>();
    private final List<FuncInfo> funcInfos = new ArrayList<>();
    private final List<LineInfo> lineInfos = new ArrayList<>();
    private final Map<CodeFunction, int[]> placed = new HashMap<>();
    private final ExtIndex ext;
    private int slots;

    private ProgramLinker(ExtIndex ext) {
        this.ext = ext;
    }

    static ProgramSpec link(CodeFunction entry, ExtIndex ext, String license) {
        ProgramLinker linker = new ProgramLinker(ext);
        linker.run(entry);
        ProgramSection def = ProgramSection.of(entry.section.name());
        if (def.supported()) {
            // A program ebpf-jvm would run may not use an extern; an unsupported one is kept as it is.
            linker.placed.entrySet().stream()
                    .sorted(Comparator.comparingInt(e -> e.getValue()[0]))
                    .map(e -> e.getKey().unsupported())
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .ifPresent(reason -> {
                        throw new UnsupportedFeatureException(reason);
                    });
        }
        linker.relocations.sort(Comparator.comparingInt(Relocation::slot));
        return new ProgramSpec(
                entry.name,
                entry.section.name(),
                def.type(),
                def.attachType(),
                def.supported(),
                new Instructions(linker.out),
                linker.relocations,
                linker.functions,
                linker.funcInfos,
                linker.lineInfos,
                license);
    }

    /** One function being scanned: where it was placed and how far the scan got. */
    private static final class Frame {
        final CodeFunction fn;
        int next;

        Frame(CodeFunction fn) {
            this.fn = fn;
        }
    }

    private void run(CodeFunction entry) {
        append(entry);
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(entry));
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            if (f.next == f.fn.insns.size()) {
                stack.pop();
                continue;
            }
            int index = f.next++;
            CodeRef ref = f.fn.refs().get(f.fn.insns.slotOf(index));
            if (ref != null) {
                CodeFunction fresh = apply(f.fn, index, ref);
                if (fresh != null) {
                    stack.push(new Frame(fresh));
                }
            }
        }
    }

    /** Applies a reference; returns the function it appended, whose own references are to be scanned next. */
    private CodeFunction apply(CodeFunction fn, int index, CodeRef ref) {
        int[] at = placed.get(fn);
        int slot = at[0] + fn.insns.slotOf(index);
        if (ref.function() == null) {
            relocations.add(new Relocation(slot, ref.kind(), ref.map(), ref.offset(), ref.symbol()));
            return null;
        }
        CodeFunction target = ref.function();
        boolean fresh = !placed.containsKey(target);
        if (fresh) {
            append(target);
        }
        int relative = placed.get(target)[0] - slot - 1;
        Insn old = out.get(at[1] + index);
        out.set(
                at[1] + index,
                ref.kind() == Relocation.Kind.CALL
                        ? new Insn(old.opcode(), old.dst(), 1, old.off(), relative)
                        : new Insn(Insn.LDDW, old.dst(), PseudoSrc.FUNC.code(), old.off(), relative & 0xffffffffL));
        relocations.add(new Relocation(slot, ref.kind(), target.name, 0, ref.symbol()));
        return fresh ? target : null;
    }

    private void append(CodeFunction fn) {
        if ((long) slots + fn.insns.slotCount() > MAX_SLOTS) {
            throw new UnsupportedFeatureException("section '" + fn.section.name() + "': linking '" + fn.name
                    + "' makes the program longer than " + MAX_SLOTS + " instructions (BPF_COMPLEXITY_LIMIT_INSNS)");
        }
        int base = slots;
        placed.put(fn, new int[] {base, out.size()});
        out.addAll(fn.insns.list());
        int length = fn.insns.slotCount();
        slots += length;
        functions.add(new Subprogram(fn.name, fn.section.name(), base, length));
        int shift = base - fn.start;
        int end = fn.start + length;
        ext.funcInfos(fn.section.name(), fn.start, end).forEach(fi -> funcInfos.add(fi.shift(shift)));
        ext.lineInfos(fn.section.name(), fn.start, end).forEach(li -> lineInfos.add(li.shift(shift)));
    }
}
