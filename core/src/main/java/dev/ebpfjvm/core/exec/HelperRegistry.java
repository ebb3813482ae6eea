package dev.ebpfjvm.core.exec;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Helper functions by id. Immutable once built; engines resolve every call site once, at load or
 * compile time, never per call.
 */
public final class HelperRegistry {
    private static final HelperRegistry EMPTY = new Builder().build();

    private final Map<Integer, HelperFunction> byId;

    private HelperRegistry(Map<Integer, HelperFunction> byId) {
        this.byId = Collections.unmodifiableMap(new TreeMap<>(byId));
    }

    /** {@return a registry with no helpers} */
    public static HelperRegistry empty() {
        return EMPTY;
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this registry's helpers, to extend or override} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.byId.putAll(byId);
        return b;
    }

    /** {@return the helper of an id, or null when none is registered} */
    public HelperFunction get(int id) {
        return byId.get(id);
    }

    /** {@return every helper, by ascending id} */
    public Collection<HelperFunction> all() {
        return byId.values();
    }

    /** Collects helpers; a later registration of the same id replaces the earlier one. */
    public static final class Builder {
        private final Map<Integer, HelperFunction> byId = new TreeMap<>();

        private Builder() {}

        /** Registers a helper under its kernel id. */
        public Builder add(int id, String name, Helper impl) {
            byId.put(id, new HelperFunction(id, name, impl));
            return this;
        }

        /** {@return the registry} */
        public HelperRegistry build() {
            return new HelperRegistry(byId);
        }
    }
}
