package dev.ebpfjvm.jit.emit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodHandles.Lookup;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The objects a generated class holds as constants (the program, its helper registry, each
 * resolved helper): its class data, loaded with {@code ldc} of a dynamic constant bootstrapped by
 * {@link MethodHandles#classDataAt}. C2 sees such a constant as a constant and inlines through it
 * (research/jvm-facts.md, item 5), unlike a field or a per-call lookup.
 */
public final class ClassData {
    private static final Handle CLASS_DATA_AT = bootstrap();

    private final List<Object> values = new ArrayList<>();
    private final Map<Object, Integer> indices = new IdentityHashMap<>();
    private final Set<ConstantDynamic> loaded = new LinkedHashSet<>();

    /** {@return the index of a value, adding it on first use} */
    public int indexOf(Object value) {
        return indices.computeIfAbsent(value, v -> {
            values.add(v);
            return values.size() - 1;
        });
    }

    /** {@return the class data list to define the class with} */
    public List<Object> values() {
        return List.copyOf(values);
    }

    /** Emits {@code ldc} of a value, typed as {@code type}. */
    public void load(MethodVisitor mv, Object value, Class<?> type) {
        ConstantDynamic constant = new ConstantDynamic("_", Type.getDescriptor(type), CLASS_DATA_AT, indexOf(value));
        loaded.add(constant);
        mv.visitLdcInsn(constant);
    }

    /**
     * Emits a static initializer that resolves every constant {@link #load} emitted, so that all
     * are resolved before HotSpot compiles any method: C1 and C2 give up on a whole method that
     * holds an unresolved dynamic constant ("could not resolve a constant"), which left methods
     * whose helper calls sit on paths not yet taken running in the bytecode interpreter. Call it
     * after every method is emitted.
     */
    public void emitResolver(ClassVisitor cv) {
        MethodVisitor mv = cv.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        for (ConstantDynamic constant : loaded) {
            mv.visitLdcInsn(constant);
            mv.visitInsn(Opcodes.POP);
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static Handle bootstrap() {
        try {
            java.lang.reflect.Method m =
                    MethodHandles.class.getMethod("classDataAt", Lookup.class, String.class, Class.class, int.class);
            return new Handle(
                    Opcodes.H_INVOKESTATIC,
                    Type.getInternalName(MethodHandles.class),
                    m.getName(),
                    Type.getMethodDescriptor(m),
                    false);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("MethodHandles.classDataAt is missing", e);
        }
    }
}
