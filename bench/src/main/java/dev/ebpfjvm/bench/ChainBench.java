package dev.ebpfjvm.bench;

import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.helpers.TcHelpers;
import dev.ebpfjvm.core.isa.Assembler;
import dev.ebpfjvm.core.net.ChainCompiler;
import dev.ebpfjvm.core.net.ChainDispatcher;
import dev.ebpfjvm.core.net.ChainRun;
import dev.ebpfjvm.core.net.NetProgram;
import dev.ebpfjvm.core.net.Network;
import dev.ebpfjvm.core.skb.Skb;
import dev.ebpfjvm.jit.chain.ChainDispatchers;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One frame through a tcx chain of {@code programs} JIT-compiled programs (each its own class; all
 * but the last return TCX_NEXT, the last reads {@code skb->len} and returns PASS): the plain loop
 * (one megamorphic call site) against the per-snapshot dispatcher class of
 * {@link ChainDispatchers} (one monomorphic call site per program). Each program's context is
 * installed as the network does it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChainBench {
    /** Programs in the chain. */
    @Param({"1", "4", "16", "63"})
    public int programs;

    /** "loop" or "dispatcher". */
    @Param({"loop", "dispatcher"})
    public String mode;

    private ChainDispatcher dispatcher;
    private ChainRun run;
    private ProgramContext ctx;

    @Setup(Level.Trial)
    public void setUp() {
        Network net = new Network();
        NetProgram[] chain = new NetProgram[programs];
        for (int i = 0; i < programs; i++) {
            String asm = i == programs - 1 ? "ldxw %r0, [%r1+0]\nmov %r0, 0\nexit" : "mov %r0, -1\nexit";
            chain[i] = net.program(
                    "p" + i,
                    Engines.byName("jit").load(new Program("p" + i, Assembler.assemble(asm), TcHelpers.registry())));
        }
        ChainCompiler compiler = mode.equals("dispatcher") ? ChainDispatchers.INSTANCE : ChainCompiler.LOOP;
        dispatcher = compiler.compile(chain);
        byte[] frame = new byte[64];
        frame[12] = (byte) 0x88;
        frame[13] = (byte) 0xb5;
        run = new ChainRun(chain, Skb.of(frame), net.skbDevices(), null);
        ctx = new ProgramContext();
    }

    /** One frame through the whole chain. {@return the chain's code} */
    @Benchmark
    public int chain() {
        return dispatcher.run(ctx, run);
    }
}
