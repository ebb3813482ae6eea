package dev.ebpfjvm.jit.classgen;

import java.util.List;

/**
 * A generated program class, not yet defined.
 *
 * @param bytes the class file
 * @param classData the constants its {@code ldc}s load, in index order
 */
public record GeneratedClass(byte[] bytes, List<Object> classData) {
    public GeneratedClass {
        classData = List.copyOf(classData);
    }
}
