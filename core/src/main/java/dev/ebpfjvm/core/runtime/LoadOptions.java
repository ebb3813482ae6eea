package dev.ebpfjvm.core.runtime;

import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.HelperFunction;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.load.ObjectLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link BpfRuntime#load} loads an object: the engine (an instance, so that its options come
 * with it: {@code new JitEngine(jitOptions)} or {@code new Interpreter()}), global variables set
 * before load, helpers added to or replacing those of the program type, and whether the verifier
 * runs (it does unless {@link #unverified()} says otherwise). Immutable; each
 * {@code with} method returns a copy.
 */
public final class LoadOptions {
    private static final LoadOptions DEFAULTS = new LoadOptions(null, null, Map.of(), List.of(), true);

    private final Engine engine;
    private final HelperRegistry helpers;
    private final Map<String, byte[]> globals;
    private final List<HelperFunction> extraHelpers;
    private final boolean verify;

    private LoadOptions(
            Engine engine,
            HelperRegistry helpers,
            Map<String, byte[]> globals,
            List<HelperFunction> extraHelpers,
            boolean verify) {
        this.engine = engine;
        this.helpers = helpers;
        this.globals = globals;
        this.extraHelpers = extraHelpers;
        this.verify = verify;
    }

    /** {@return the defaults: the JIT when it is on the class path, else the interpreter; the helpers of each program's type} */
    public static LoadOptions defaults() {
        return DEFAULTS;
    }

    /** {@return these options with another engine} */
    public LoadOptions engine(Engine engine) {
        return new LoadOptions(Objects.requireNonNull(engine, "engine"), helpers, globals, extraHelpers, verify);
    }

    /** {@return these options with a global variable set before load (a skeleton's {@code const volatile} configuration)} */
    public LoadOptions global(String name, byte[] value) {
        Map<String, byte[]> g = new LinkedHashMap<>(globals);
        g.put(Objects.requireNonNull(name, "name"), value.clone());
        return new LoadOptions(engine, helpers, Map.copyOf(g), extraHelpers, verify);
    }

    /** {@return these options with a helper added, or replacing the one of its id, for every program} */
    public LoadOptions helper(HelperFunction helper) {
        List<HelperFunction> h = new ArrayList<>(extraHelpers);
        h.add(Objects.requireNonNull(helper, "helper"));
        return new LoadOptions(engine, helpers, globals, List.copyOf(h), verify);
    }

    /** {@return these options with one helper set for every program type, instead of each type's own} */
    public LoadOptions helpers(HelperRegistry registry) {
        return new LoadOptions(engine, Objects.requireNonNull(registry, "registry"), globals, extraHelpers, verify);
    }

    /**
     * {@return these options without the verifier}: an explicit opt-in for programs the kernel
     * would refuse; their accesses are still checked at run time and reach only their object's
     * regions, but nothing proves that they end, so run them with an instruction budget
     */
    public LoadOptions unverified() {
        return new LoadOptions(engine, helpers, globals, extraHelpers, false);
    }

    void applyTo(ObjectLoader.Builder b) {
        if (!verify) {
            b.unverified();
        }
        if (engine != null) {
            b.engine(engine);
        }
        if (helpers != null) {
            b.helpers(helpers);
        }
        globals.forEach(b::global);
        extraHelpers.forEach(b::helper);
    }
}
