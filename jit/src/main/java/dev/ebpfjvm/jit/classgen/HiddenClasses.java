package dev.ebpfjvm.jit.classgen;

import dev.ebpfjvm.core.exec.Executable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Defines program classes as hidden classes in this package, with their constants as class data.
 * They are not {@code STRONG}: once the {@link Executable} is unreachable the class unloads
 * (research/jvm-facts.md, item 3: 100,000 defined and dropped, all unloaded). Nothing here keeps
 * a reference to a defined class.
 */
public final class HiddenClasses {
    private HiddenClasses() {}

    /** Defines a generated class and returns a new instance of it, its function region registered. */
    public static Executable define(GeneratedClass generated) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup()
                    .defineHiddenClassWithClassData(generated.bytes(), generated.classData(), true);
            Executable executable =
                    (Executable) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class))
                            .invoke();
            if (generated.functions() != null) {
                generated.functions().register(executable);
            }
            return executable;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot define generated class", e);
        }
    }
}
