package dev.ebpfjvm.jit.classgen;

import static dev.ebpfjvm.core.asm.Asm.exit;
import static dev.ebpfjvm.core.isa.AluOp.ADD;
import static dev.ebpfjvm.core.isa.AluOp.MOV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.asm.InsnList;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.testing.TestRegions;
import dev.ebpfjvm.jit.JitCompiler;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/** Program classes are hidden, unloadable when dropped, and carry their program as class data. */
class HiddenClassesTest {
    @Test
    void compile_definesAHiddenClassHoldingTheProgram() {
        Program program =
                new InsnList().add(MOV.imm(0, 3), exit()).program("tiny", HelperRegistry.empty(), TestRegions.reach());
        Executable e = new JitCompiler().compile(program);
        assertTrue(e.getClass().isHidden());
        assertSame(program, e.program());
        assertNotSame(e.getClass(), new JitCompiler().compile(program).getClass());
    }

    /**
     * Defines and drops 3000 programs: after a GC the loaded class count and Metaspace come back
     * near where they started (the bound is generous: unloading is what is tested, not its timing).
     */
    @Test
    void droppedPrograms_unload() throws InterruptedException {
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        JitCompiler jit = new JitCompiler();
        warmUp(jit);
        long loadedBefore = classes.getLoadedClassCount();
        long metaspaceBefore = metaspaceUsed();
        long unloadedBefore = classes.getUnloadedClassCount();
        WeakReference<Class<?>> last = null;
        int programs = 3000;
        for (int i = 0; i < programs; i++) {
            Executable e = jit.compile(new InsnList()
                    .add(MOV.imm(0, i), ADD.imm(0, 1), exit())
                    .program("p" + i, HelperRegistry.empty(), TestRegions.reach()));
            assertEquals(i + 1, e.run(new ProgramContext()));
            last = new WeakReference<>(e.getClass());
        }
        for (int i = 0; i < 10 && (last.get() != null || classes.getLoadedClassCount() > loadedBefore + 500); i++) {
            System.gc();
            Thread.sleep(50);
        }
        long unloaded = classes.getUnloadedClassCount() - unloadedBefore;
        long loadedAfter = classes.getLoadedClassCount();
        long metaspaceAfter = metaspaceUsed();
        assertTrue(last.get() == null, "the last program class is still reachable");
        assertTrue(unloaded >= programs / 2, "only " + unloaded + " classes unloaded");
        assertTrue(loadedAfter < loadedBefore + 500, "loaded classes grew from " + loadedBefore + " to " + loadedAfter);
        assertTrue(
                metaspaceAfter < metaspaceBefore + 8 * 1024 * 1024,
                "Metaspace grew from " + metaspaceBefore + " to " + metaspaceAfter);
    }

    private static void warmUp(JitCompiler jit) {
        for (int i = 0; i < 50; i++) {
            jit.compile(new InsnList()
                            .add(MOV.imm(0, i), exit())
                            .program("warm", HelperRegistry.empty(), TestRegions.reach()))
                    .run(new ProgramContext());
        }
        System.gc();
    }

    private static long metaspaceUsed() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }
}
