package dev.ebpfjvm.bench.workload;

import dev.ebpfjvm.core.elf.ObjectReader;
import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Environment;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.runtime.BpfObject;
import dev.ebpfjvm.core.runtime.BpfProgram;
import dev.ebpfjvm.core.runtime.BpfRuntime;
import dev.ebpfjvm.core.runtime.LoadOptions;
import dev.ebpfjvm.core.runtime.SkBuffFields;
import dev.ebpfjvm.core.runtime.TestRun;
import dev.ebpfjvm.core.skb.SkBuffContext;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A clang-compiled tc program of the repository's {@code testdata/}, loaded into a runtime of its
 * own with one simulated CPU (the tc helpers come with its type) and run as
 * {@code BPF_PROG_TEST_RUN} runs it: on an skb made from a frame
 * ({@link BpfProgram#testRunContext}), with an input {@code __sk_buff}. Every run reuses
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
        BpfRuntime runtime = BpfRuntime.builder()
                .environment(new Environment(
                        System::nanoTime, System::nanoTime, new Random(Environment.DEFAULT_SEED), line -> {}, 1))
                .build();
        BpfObject loaded = runtime.load(
                ObjectReader.read(ResourceFiles.bytes("/testdata/" + object + ".o")),
                LoadOptions.defaults().engine(engine));
        try {
            BpfProgram program = loaded.program(name);
            ProgramContext ctx =
                    program.testRunContext(TestRun.of(frame.get()).withCtx(SkBuffFields.fromStruct(skbIn.get())));
            return new Instance(
                    program.executable(), ctx, SkBuffContext.of(ctx).skb().buffer(), loaded.maps(), runtime);
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }
}
