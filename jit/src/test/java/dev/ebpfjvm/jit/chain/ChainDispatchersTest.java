package dev.ebpfjvm.jit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.exec.Engines;
import dev.ebpfjvm.core.exec.Environment;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.helpers.TcHelpers;
import dev.ebpfjvm.core.isa.Assembler;
import dev.ebpfjvm.core.net.ChainCompiler;
import dev.ebpfjvm.core.net.ChainDispatcher;
import dev.ebpfjvm.core.net.ChainRun;
import dev.ebpfjvm.core.net.Counters;
import dev.ebpfjvm.core.net.Hook;
import dev.ebpfjvm.core.net.NetDevice;
import dev.ebpfjvm.core.net.NetProgram;
import dev.ebpfjvm.core.net.Network;
import dev.ebpfjvm.core.net.TcxChain;
import dev.ebpfjvm.core.net.TcxOptions;
import dev.ebpfjvm.core.skb.Skb;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Generated chain dispatchers run chains exactly as the plain loop does. */
class ChainDispatchersTest {
    private static NetProgram constant(Network net, int code) {
        return net.program(
                "c" + code,
                Engines.byName("jit")
                        .load(new Program(
                                "c", Assembler.assemble("mov %r0, " + code + "\nexit"), TcHelpers.registry())));
    }

    @Test
    void dispatcherAndLoopAgreeOnEveryPrefix() {
        Network net = new Network();
        NetProgram next = constant(net, -1);
        NetProgram drop = constant(net, 2);
        NetProgram unknown = constant(net, 5);
        for (int n = 0; n <= TcxChain.MAX_ENTRIES; n += 7) {
            for (int stop = 0; stop <= n; stop++) {
                NetProgram[] progs = new NetProgram[n];
                for (int i = 0; i < n; i++) {
                    progs[i] = i != stop ? next : i % 3 == 0 ? drop : unknown;
                }
                for (ChainCompiler c : List.of(ChainCompiler.LOOP, ChainDispatchers.INSTANCE)) {
                    Counters.Hook counters = new NetDeviceCounters().hook();
                    ChainDispatcher d = c.compile(progs);
                    int code = d.run(
                            new ProgramContext(),
                            new ChainRun(progs, Skb.of(new byte[60]), net.skbDevices(), counters));
                    int expect = stop < n ? (stop % 3 == 0 ? 2 : 5) : -1;
                    assertEquals(expect, code, n + " programs, stop at " + stop + " via " + c);
                }
            }
        }
    }

    @Test
    void networkWithDispatchersCountsEveryProgram() {
        AtomicInteger ids = new AtomicInteger();
        Network net = new Network(ids::incrementAndGet, Environment.defaults(), ChainDispatchers.INSTANCE);
        NetDevice veth1 = net.addVeth("veth0", "veth1").get(1);
        List<NetProgram> progs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            NetProgram p = constant(net, i == 15 ? 0 : -1);
            progs.add(p);
            net.attachProgram(TcxOptions.of(veth1, Hook.INGRESS, p));
        }
        for (int k = 0; k < 3; k++) {
            veth1.peer().send(frame());
        }
        assertEquals(3, veth1.received().size());
        for (NetProgram p : progs) {
            assertEquals(3, veth1.counters(Hook.INGRESS).program(p.id()).runs());
        }
    }

    private static byte[] frame() {
        byte[] f = new byte[60];
        f[12] = (byte) 0x88;
        f[13] = (byte) 0xb5;
        return f;
    }

    /** Fresh hook counters, taken from a throwaway device. */
    private static final class NetDeviceCounters {
        Counters.Hook hook() {
            return new Network().addDummy("x").counters(Hook.INGRESS);
        }
    }
}
