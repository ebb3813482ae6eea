package dev.ebpfjvm.bench.workload;

import dev.ebpfjvm.core.elf.ObjectReader;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.helpers.TcHelpers;
import dev.ebpfjvm.core.load.LoadedObject;
import dev.ebpfjvm.core.load.ObjectLoader;
import dev.ebpfjvm.core.maps.PinRegistry;
import dev.ebpfjvm.core.skb.Skb;
import dev.ebpfjvm.core.testrun.SkbTestRun;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A clang-compiled tc program of the repository's {@code testdata/}, loaded with
 * {@link ObjectLoader} and the tc helpers (its maps created for one CPU, private to the
 * instance, its relocations applied) and run as {@code BPF_PROG_TEST_RUN} runs it: on an skb made
 * from a frame ({@link SkbTestRun#prepare}), with an input {@code __sk_buff}. Every run reuses
 * that skb, so a program that changes its packet sees its own changes.
 *
 * @param name the workload's name (the program's C function name)
 * @param object the fixture's file name without {@code .o}
 * @param frame makes the frame, from its Ethernet header
 * @param skbIn makes the input {@code struct __sk_buff} (192 bytes)
 */
public record FixtureWorkload(String name, String object, Supplier<byte[]> frame, Supplier<byte[]> skbIn)
        implements Workload {
    public FixtureWorkload {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(skbIn, "skbIn");
    }

    @Override
    public String origin() {
        return "fixture";
    }

    @Override
    public Instance open(Engine engine) {
        ObjectLoader loader = ObjectLoader.builder().engine(engine).helpers(TcHelpers.registry())
                .pins(new PinRegistry()).cpus(1).build();
        LoadedObject loaded = loader.load(ObjectReader.read(ResourceFiles.bytes("/testdata/" + object + ".o")));
        try {
            ProgramContext ctx = new ProgramContext();
            long[] error = new long[1];
            Skb skb = SkbTestRun.prepare(ctx, frame.get(), skbIn.get(), error);
            if (skb == null) {
                throw new IllegalArgumentException(name + ": the test run's input is refused with errno " + -error[0]);
            }
            return new Instance(loaded.program(name), ctx, skb.buffer(), loaded.maps(), loaded);
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
    }
}
