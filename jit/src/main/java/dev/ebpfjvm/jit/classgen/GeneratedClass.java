package dev.ebpfjvm.jit.classgen;

import dev.ebpfjvm.jit.emit.FunctionRegion;
import java.util.List;

/**
 * A generated program class, not yet defined.
 *
 * @param bytes the class file
 * @param classData the constants its {@code ldc}s load, in index order
 * @param functions the region of the program's function addresses, to register once the class is
 *     defined; null when its code takes none
 */
public record GeneratedClass(byte[] bytes, List<Object> classData, FunctionRegion functions) {
    public GeneratedClass {
        classData = List.copyOf(classData);
    }
}
