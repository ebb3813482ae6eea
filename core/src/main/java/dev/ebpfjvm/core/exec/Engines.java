package dev.ebpfjvm.core.exec;

import dev.ebpfjvm.core.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The engines on the class path, found through {@code META-INF/services/dev.ebpfjvm.core.exec.Engine}. */
public final class Engines {
    private Engines() {}

    /** {@return every engine on the class path} */
    public static List<Engine> all() {
        List<Engine> engines = new ArrayList<>();
        ServiceLoader.load(Engine.class, Engines.class.getClassLoader()).forEach(engines::add);
        return engines;
    }

    /**
     * {@return the engine of the given name}
     *
     * @throws UnsupportedFeatureException when no engine of that name is on the class path
     */
    public static Engine byName(String name) {
        for (Engine engine : all()) {
            if (engine.name().equals(name)) {
                return engine;
            }
        }
        throw new UnsupportedFeatureException("no engine named '" + name + "' (have: "
                + all().stream().map(Engine::name).toList() + ")");
    }

    /** {@return the JIT when it is on the class path (it is the product), else the interpreter} */
    public static Engine preferred() {
        List<Engine> engines = all();
        return engines.stream().filter(e -> e.name().equals("jit")).findFirst().orElseGet(() -> byName("interpreter"));
    }
}
