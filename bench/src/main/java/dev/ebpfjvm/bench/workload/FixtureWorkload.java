package dev.ebpfjvm.bench.workload;

import dev.ebpfjvm.core.elf.ObjectReader;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.load.LoadedObject;
import dev.ebpfjvm.core.load.ObjectLoader;
import dev.ebpfjvm.core.maps.PinRegistry;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A clang-compiled program of the repository's {@code testdata/}, loaded with {@link ObjectLoader}
 * (its maps created, its relocations applied) and run with a raw {@code __sk_buff} buffer as its
 * context. Only fixtures that read plain context fields (len, mark, protocol) and call map helpers
 * qualify until the skb model lands. The maps are created for one CPU, private to the instance.
 *
 * @param name the workload's name (the program's C function name)
 * @param object the fixture's file name without {@code .o}
 * @param context makes the context buffer
 */
public record FixtureWorkload(String name, String object, Supplier<byte[]> context) implements Workload {
    public FixtureWorkload {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(context, "context");
    }

    @Override
    public String origin() {
        return "fixture";
    }

    @Override
    public Instance open(Engine engine) {
        ObjectLoader loader = ObjectLoader.builder().engine(engine).pins(new PinRegistry()).cpus(1).build();
        LoadedObject loaded = loader.load(ObjectReader.read(ResourceFiles.bytes("/testdata/" + object + ".o")));
        try {
            return new Instance(loaded.program(name), context.get(), loaded.maps(), loaded);
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
    }
}
