package dev.ebpfjvm.jit.emit;

import dev.ebpfjvm.core.exec.Alu;
import dev.ebpfjvm.core.exec.Atomics;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.Helper;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.PacketLoad;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.exec.TailCalls;
import dev.ebpfjvm.core.isa.AtomicOp;
import dev.ebpfjvm.core.memory.LittleEndian;
import dev.ebpfjvm.core.memory.Memory;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Every method and field the generated code refers to, resolved once from the real classes by
 * reflection, so that no emitter types a descriptor by hand and a renamed method breaks here, at
 * class initialization, rather than in generated code.
 */
final class Refs {
    static final MethodRef DIV64 = MethodRef.of(Alu.class, "div64", long.class, long.class);
    static final MethodRef MOD64 = MethodRef.of(Alu.class, "mod64", long.class, long.class);
    static final MethodRef SDIV64 = MethodRef.of(Alu.class, "sdiv64", long.class, long.class);
    static final MethodRef SMOD64 = MethodRef.of(Alu.class, "smod64", long.class, long.class);
    static final MethodRef DIV32 = MethodRef.of(Alu.class, "div32", long.class, long.class);
    static final MethodRef MOD32 = MethodRef.of(Alu.class, "mod32", long.class, long.class);
    static final MethodRef SDIV32 = MethodRef.of(Alu.class, "sdiv32", long.class, long.class);
    static final MethodRef SMOD32 = MethodRef.of(Alu.class, "smod32", long.class, long.class);
    static final MethodRef BSWAP = MethodRef.of(Alu.class, "bswap", long.class, int.class);
    static final MethodRef TRUNCATE = MethodRef.of(Alu.class, "truncate", long.class, int.class);
    static final MethodRef TO_UNSIGNED_LONG = MethodRef.of(Integer.class, "toUnsignedLong", int.class);
    static final MethodRef COMPARE_UNSIGNED64 = MethodRef.of(Long.class, "compareUnsigned", long.class, long.class);
    static final MethodRef COMPARE_UNSIGNED32 = MethodRef.of(Integer.class, "compareUnsigned", int.class, int.class);

    static final MethodRef CONTEXT_MEMORY = MethodRef.of(ProgramContext.class, "memory");
    static final MethodRef MEMORY_STACK = MethodRef.of(Memory.class, "stack");
    static final MethodRef MEMORY_CONTEXT = MethodRef.of(Memory.class, "context");
    static final MethodRef READABLE_OR_NULL = MethodRef.of(Memory.class, "readableOrNull", long.class);
    static final MethodRef WRITABLE_OR_NULL = MethodRef.of(Memory.class, "writableOrNull", long.class);
    static final MethodRef LOAD = MethodRef.of(Memory.class, "load", long.class, int.class);
    static final MethodRef STORE = MethodRef.of(Memory.class, "store", long.class, int.class, long.class);
    static final MethodRef ATOMICS_APPLY = MethodRef.of(
            Atomics.class, "apply", Memory.class, long.class, int.class, AtomicOp.class, long.class, long.class);
    static final MethodRef PACKET_LOAD = MethodRef.of(PacketLoad.class, "load", Memory.class, long.class, int.class);
    static final MethodRef FRAME_POINTER = MethodRef.of(Memory.class, "framePointer", int.class);

    static final MethodRef HELPER_CALL = MethodRef.of(
            Helper.class, "call", ProgramContext.class, long.class, long.class, long.class, long.class, long.class);
    static final MethodRef TAIL_CALL_RESOLVE =
            MethodRef.of(TailCalls.class, "resolve", ProgramContext.class, long.class, long.class);
    static final MethodRef TAIL_CALL_ENTER = MethodRef.of(
            TailCalls.class, "enter", Executable.class, ProgramContext.class, long.class, long.class, int.class);
    static final MethodRef CALL_INDIRECT = MethodRef.of(
            RuntimeSupport.class,
            "callIndirect",
            HelperRegistry.class,
            ProgramContext.class,
            long.class,
            long.class,
            long.class,
            long.class,
            long.class,
            long.class);
    static final MethodRef FUNCTION_BASE = MethodRef.of(FunctionRegion.class, "base");
    static final MethodRef FUNCTION_CLOSE = MethodRef.of(FunctionRegion.class, "close");
    static final MethodRef ENTRY_FRAME = MethodRef.of(RuntimeSupport.class, "entryFrame", int.class);
    static final MethodRef REGION_OF = MethodRef.of(RuntimeSupport.class, "regionOf", byte[].class, long.class);
    static final MethodRef NEXT_FRAME = MethodRef.of(RuntimeSupport.class, "nextFrame", int.class);
    static final MethodRef NO_FUNCTION = MethodRef.of(RuntimeSupport.class, "noFunction", int.class);
    static final MethodRef SPEND = MethodRef.of(ProgramContext.class, "spend", int.class);
    static final MethodRef SET_CALL_DEPTH = MethodRef.of(ProgramContext.class, "setCallDepth", int.class);
    static final MethodRef FAULT = MethodRef.of(RuntimeSupport.class, "fault", RuntimeException.class, int.class);

    static final FieldRef LE_SHORT = FieldRef.of(LittleEndian.class, "SHORT");
    static final FieldRef LE_INT = FieldRef.of(LittleEndian.class, "INT");
    static final FieldRef LE_LONG = FieldRef.of(LittleEndian.class, "LONG");

    static final String VAR_HANDLE = Type.getInternalName(VarHandle.class);
    static final Type BYTES = Type.getType(byte[].class);

    private Refs() {}

    /** A method the generated code calls, with the invoke opcode its declaration implies. */
    record MethodRef(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        static MethodRef of(Class<?> owner, String name, Class<?>... params) {
            Method m;
            try {
                m = owner.getMethod(name, params);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("generated code needs " + owner.getName() + "." + name, e);
            }
            int opcode = Modifier.isStatic(m.getModifiers())
                    ? Opcodes.INVOKESTATIC
                    : owner.isInterface() ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL;
            return new MethodRef(
                    opcode, Type.getInternalName(owner), name, Type.getMethodDescriptor(m), owner.isInterface());
        }

        /** Emits the call. */
        void invoke(MethodVisitor mv) {
            mv.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }
    }

    /** A static field the generated code reads. */
    record FieldRef(String owner, String name, String descriptor) {
        static FieldRef of(Class<?> owner, String name) {
            try {
                Field f = owner.getField(name);
                return new FieldRef(Type.getInternalName(owner), name, Type.getDescriptor(f.getType()));
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("generated code needs " + owner.getName() + "." + name, e);
            }
        }

        /** Emits {@code getstatic}. */
        void get(MethodVisitor mv) {
            mv.visitFieldInsn(Opcodes.GETSTATIC, owner, name, descriptor);
        }
    }
}
