package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.facts.RegionHint;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.Reg;
import dev.ebpfjvm.core.memory.Address;
import dev.ebpfjvm.core.memory.Memory;
import dev.ebpfjvm.jit.plan.Flow;
import dev.ebpfjvm.jit.plan.FunctionPlan;
import dev.ebpfjvm.jit.plan.MethodPlan;
import dev.ebpfjvm.jit.plan.ProgramPlan;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Emits one generated method: a whole function or a chunk of a split one. Layout:
 *
 * <pre>
 * prologue        memory, stack, r0/r6–r10 (or all registers from the array), region arrays
 * [entry switch]  chunks only: tableswitch (char) entry → the entry slots
 * body            one piece of code per instruction, labelled with its slot (and line number);
 *                 at a budget point, first {@code ctx.spend(slot)} ({@link dev.ebpfjvm.core.exec.BudgetPoints})
 * [stubs]         chunks only: store the registers live at the target, return its entry code
 * handler         catch (RuntimeException e) { throw RuntimeSupport.fault(e, pcBase + pc); }
 *                 covering the first to the last instruction that can fault ({@link FaultRange})
 * </pre>
 */
public final class MethodEmitter {
    private MethodEmitter() {}

    /** Emits function {@code f}, which fits one method, as method {@code fN}. */
    public static void emitFunction(ClassVisitor cv, ClassEnv env, ProgramPlan plan, FunctionPlan f) {
        int n = f.range().index();
        MethodVisitor mv = cv.visitMethod(
                Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, Signatures.function(n), Signatures.FUNCTION, null, null);
        int start = f.range().start();
        int end = f.range().end();
        LocalLayout layout = new LocalLayout(LocalLayout.Shape.FUNCTION, needs(plan, start, end));
        emit(new EmitContext(mv, layout, env, plan, f, start, end), List.of());
    }

    /** Emits one chunk of a split function as method {@code fN_cK}. */
    public static void emitChunk(ClassVisitor cv, ClassEnv env, ProgramPlan plan, FunctionPlan f, MethodPlan chunk) {
        MethodVisitor mv = cv.visitMethod(
                Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC,
                Signatures.chunk(f.range().index(), chunk.index()),
                Signatures.CHUNK,
                null,
                null);
        LocalLayout layout = new LocalLayout(LocalLayout.Shape.CHUNK, needs(plan, chunk.start(), chunk.end()));
        emit(new EmitContext(mv, layout, env, plan, f, chunk.start(), chunk.end()), chunk.entries());
    }

    private static void emit(EmitContext ctx, List<Integer> entries) {
        MethodVisitor mv = ctx.mv();
        mv.visitCode();
        Label handler = new Label();
        FaultRange range = FaultRange.of(ctx, handler);
        prologue(ctx);
        BitSet framed = branchTargets(ctx);
        if (!entries.isEmpty()) {
            entrySwitch(ctx, entries, framed);
        }
        body(ctx, framed, range);
        stubs(ctx);
        if (!range.isEmpty()) {
            mv.visitLabel(handler);
            ctx.frames().same1(Type.getInternalName(RuntimeException.class));
            mv.visitVarInsn(Opcodes.ILOAD, ctx.layout().pc());
            ctx.pushIntUnpooled(ctx.pcBase());
            mv.visitInsn(Opcodes.IADD);
            Refs.FAULT.invoke(mv);
            mv.visitInsn(Opcodes.ATHROW);
        }
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void body(EmitContext ctx, BitSet framed, FaultRange range) {
        MethodVisitor mv = ctx.mv();
        boolean reachable = ctx.layout().shape() == LocalLayout.Shape.FUNCTION;
        for (int slot = ctx.start(); slot < ctx.end(); slot++) {
            Insn insn = ctx.plan().insns().atSlot(slot);
            if (insn == null) {
                continue;
            }
            boolean frame = framed.get(slot - ctx.start()) || !reachable;
            if (frame || ctx.env().lineNumbers()) {
                Label label = ctx.slotLabel(slot);
                mv.visitLabel(label);
                if (ctx.env().lineNumbers()) {
                    mv.visitLineNumber(slot, label);
                }
            }
            if (frame) {
                ctx.frames().same();
            }
            if (ctx.env().budgetPoints()[slot]) {
                ctx.loadCtx();
                ctx.pushIntUnpooled(slot);
                Refs.SPEND.invoke(mv);
            }
            range.before(slot);
            InsnEmitter.emit(ctx, insn, slot);
            range.after(slot);
            reachable = Flow.fallsThrough(insn);
        }
        if (reachable) {
            mv.visitJumpInsn(Opcodes.GOTO, ctx.target(ctx.end()));
        }
    }

    /** {@return the slots (relative to the method's start) that need a frame: targets of jumps inside the method} */
    private static BitSet branchTargets(EmitContext ctx) {
        BitSet targets = new BitSet();
        for (int slot = ctx.start(); slot < ctx.end(); slot++) {
            Insn insn = ctx.plan().insns().atSlot(slot);
            int target = insn == null ? -1 : Flow.branchTarget(insn, slot);
            if (target >= ctx.start() && target < ctx.end()) {
                targets.set(target - ctx.start());
            }
        }
        return targets;
    }

    private static void entrySwitch(EmitContext ctx, List<Integer> entries, BitSet framed) {
        MethodVisitor mv = ctx.mv();
        Label[] labels = new Label[entries.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = ctx.slotLabel(entries.get(i));
            framed.set(entries.get(i) - ctx.start());
        }
        mv.visitVarInsn(Opcodes.ILOAD, ctx.layout().entry());
        mv.visitInsn(Opcodes.I2C);
        mv.visitTableSwitchInsn(0, labels.length - 1, labels[0], labels);
    }

    private static void stubs(EmitContext ctx) {
        MethodVisitor mv = ctx.mv();
        LocalLayout layout = ctx.layout();
        for (Map.Entry<Integer, Label> stub : new ArrayList<>(ctx.stubs().entrySet())) {
            int target = stub.getKey();
            mv.visitLabel(stub.getValue());
            ctx.frames().same();
            int live = ctx.plan().liveness().liveIn(target);
            for (int r = Reg.R0; r <= Reg.R10; r++) {
                if ((live & (1 << r)) != 0) {
                    mv.visitVarInsn(Opcodes.ALOAD, layout.regs());
                    ctx.pushInt(r);
                    ctx.loadReg(r);
                    mv.visitInsn(Opcodes.LASTORE);
                }
            }
            ctx.pushIntUnpooled(ctx.function().entryCodeOf(target));
            mv.visitInsn(Opcodes.IRETURN);
        }
    }

    private static void prologue(EmitContext ctx) {
        MethodVisitor mv = ctx.mv();
        LocalLayout layout = ctx.layout();
        ctx.loadCtx();
        Refs.CONTEXT_MEMORY.invoke(mv);
        mv.visitVarInsn(Opcodes.ASTORE, layout.memory());
        ctx.loadMemory();
        Refs.MEMORY_STACK.invoke(mv);
        mv.visitVarInsn(Opcodes.ASTORE, layout.stack());
        if (layout.shape() == LocalLayout.Shape.FUNCTION) {
            for (int r : new int[] {Reg.R0, Reg.R6, Reg.R7, Reg.R8, Reg.R9}) {
                mv.visitInsn(Opcodes.LCONST_0);
                ctx.storeReg(r);
            }
            ctx.loadDepth();
            Refs.FRAME_POINTER.invoke(mv);
            ctx.storeReg(Reg.R10);
        } else {
            for (int r = Reg.R0; r <= Reg.R10; r++) {
                loadFromArray(ctx, r);
                ctx.storeReg(r);
            }
        }
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, layout.pc());
        LocalLayout.Needs needs = layout.needs();
        if (needs.context()) {
            ctx.loadMemory();
            Refs.MEMORY_CONTEXT.invoke(mv);
            mv.visitVarInsn(Opcodes.ASTORE, layout.ctxRead());
            ctx.loadMemory();
            ctx.pushLong(Address.of(Memory.CONTEXT_REGION, 0));
            Refs.WRITABLE_OR_NULL.invoke(mv);
            mv.visitVarInsn(Opcodes.ASTORE, layout.ctxWrite());
        }
        if (needs.entryR1()) {
            entryRegion(ctx, Refs.READABLE_OR_NULL, layout.r1Read());
            entryRegion(ctx, Refs.WRITABLE_OR_NULL, layout.r1Write());
        }
        if (needs.entryR1Region()) {
            regionId(ctx, layout.r1Read(), layout.r1RegionRead());
            regionId(ctx, layout.r1Write(), layout.r1RegionWrite());
        }
        if (needs.address()) {
            mv.visitInsn(Opcodes.LCONST_0);
            mv.visitVarInsn(Opcodes.LSTORE, layout.tmpAddr());
        }
    }

    /** Stores the region id of the entry r1 when its array exists, else -1, which no address has. */
    private static void regionId(EmitContext ctx, int array, int local) {
        ctx.mv().visitVarInsn(Opcodes.ALOAD, array);
        loadEntryR1(ctx);
        Refs.REGION_OF.invoke(ctx.mv());
        ctx.mv().visitVarInsn(Opcodes.ISTORE, local);
    }

    /** Resolves the region r1 pointed into at the function's entry (a chunk finds that r1 in the array). */
    private static void entryRegion(EmitContext ctx, Refs.MethodRef resolve, int local) {
        ctx.loadMemory();
        loadEntryR1(ctx);
        resolve.invoke(ctx.mv());
        ctx.mv().visitVarInsn(Opcodes.ASTORE, local);
    }

    /** Pushes r1 as the function received it (a chunk finds it in the register array). */
    private static void loadEntryR1(EmitContext ctx) {
        if (ctx.layout().shape() == LocalLayout.Shape.FUNCTION) {
            ctx.loadReg(Reg.R1);
        } else {
            loadFromArray(ctx, Signatures.ENTRY_R1);
        }
    }

    private static void loadFromArray(EmitContext ctx, int index) {
        ctx.mv().visitVarInsn(Opcodes.ALOAD, ctx.layout().regs());
        ctx.pushInt(index);
        ctx.mv().visitInsn(Opcodes.LALOAD);
    }

    /** {@return the optional locals the instructions of {@code [start, end)} need} */
    private static LocalLayout.Needs needs(ProgramPlan plan, int start, int end) {
        EnumSet<RegionHint> used = EnumSet.noneOf(RegionHint.class);
        for (int slot = start; slot < end; slot++) {
            Insn insn = plan.insns().atSlot(slot);
            RegionHint hint = insn != null && InsnEmitter.usesRegionFacts(insn)
                    ? plan.facts().regionAt(slot)
                    : null;
            if (hint != null) {
                used.add(hint);
            }
        }
        boolean checked = used.contains(RegionHint.STACK_CHECKED) || used.contains(RegionHint.ENTRY_R1_CHECKED);
        return new LocalLayout.Needs(
                used.contains(RegionHint.CONTEXT),
                used.contains(RegionHint.ENTRY_R1) || used.contains(RegionHint.ENTRY_R1_CHECKED),
                used.contains(RegionHint.ENTRY_R1_CHECKED),
                checked);
    }
}
