package dev.ebpfjvm.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Thousands of attach, replace, link update, link close and detach operations while several threads
 * push frames: no exception, every frame arrives, and the programs each frame ran are exactly the
 * run of one chain snapshot that existed.
 */
public class ChainConcurrencyTest {
    private static final int PROGRAMS = 12;
    private static final int OPERATIONS = 4000;
    private static final int SENDERS = 3;

    @Test
    void everyFrameRunsOneWholeChainThatExisted() throws Exception {
        stress(ChainCompiler.LOOP, "interpreter");
    }

    /**
     * The stress run, for any chain compiler and engine (the jit module runs it with its dispatchers).
     */
    public static void stress(ChainCompiler compiler, String engine) throws Exception {
        Network net = new Network(
                new java.util.concurrent.atomic.AtomicInteger()::incrementAndGet,
                dev.ebpfjvm.core.exec.Environment.defaults(),
                compiler);
        NetDevice veth0 = net.addVeth("veth0", "veth1").get(0);
        NetDevice veth1 = veth0.peer();
        List<NetProgram> progs = new ArrayList<>();
        Map<Integer, Integer> codes = new HashMap<>();
        for (int i = 1; i <= PROGRAMS; i++) {
            int code = i % 5 == 0 ? Progs.PASS : i == 7 ? 3 : Progs.NEXT;
            NetProgram p = Progs.tracing(net, "p" + i, i, code, engine);
            progs.add(p);
            codes.put(p.id(), code);
        }
        Set<List<Integer>> history = ConcurrentHashMap.newKeySet();
        history.add(List.of());
        ConcurrentLinkedQueue<List<Integer>> seen = new ConcurrentLinkedQueue<>();
        veth1.onReceive((d, f) -> {
            List<Integer> t = new ArrayList<>();
            for (int i = 0; i < f[14]; i++) {
                t.add((int) f[15 + i]);
            }
            seen.add(t);
        });

        AtomicBoolean done = new AtomicBoolean();
        AtomicLong sent = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            senders.add(pool.submit(() -> {
                while (!done.get()) {
                    assertEquals(null, veth0.send(Progs.frame(Progs.TRACE_FRAME)));
                    sent.incrementAndGet();
                }
                return null;
            }));
        }

        Random rnd = new Random(42);
        List<Link> links = new ArrayList<>();
        int changes = 0;
        for (int op = 0; op < OPERATIONS; op++) {
            NetProgram p = progs.get(rnd.nextInt(PROGRAMS));
            NetProgram q = progs.get(rnd.nextInt(PROGRAMS));
            long before = revision(veth1);
            try {
                switch (rnd.nextInt(7)) {
                    case 0:
                        net.attachProgram(TcxOptions.of(veth1, Hook.INGRESS, p));
                        break;
                    case 1:
                        net.attachProgram(TcxOptions.of(veth1, Hook.INGRESS, p).at(Anchor.before(q)));
                        break;
                    case 2:
                        net.attachProgram(TcxOptions.of(veth1, Hook.INGRESS, p).at(Anchor.replace(q)));
                        break;
                    case 3:
                        links.add(net.attachTcx(
                                TcxOptions.of(veth1, Hook.INGRESS, p).at(Anchor.head())));
                        break;
                    case 4:
                        if (!links.isEmpty()) {
                            links.get(rnd.nextInt(links.size())).update(p);
                        }
                        break;
                    case 5:
                        if (!links.isEmpty()) {
                            links.remove(rnd.nextInt(links.size())).close();
                        }
                        break;
                    default:
                        net.detachProgram(TcxOptions.of(veth1, Hook.INGRESS, p));
                        break;
                }
            } catch (NetException expected) {
                // EEXIST, ENOENT, EBUSY, ENOLINK: the chain stays as it was
            }
            if (revision(veth1) != before) {
                changes++;
            }
            history.add(run(veth1.chain(Hook.INGRESS), codes));
        }
        done.set(true);
        for (Future<?> f : senders) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertTrue(changes > OPERATIONS / 4, "only " + changes + " changes");
        assertTrue(history.size() > 50, "only " + history.size() + " distinct chain runs");
        assertEquals(sent.get(), seen.size(), "every frame delivered");
        assertTrue(sent.get() > 100, "only " + sent.get() + " frames");
        for (List<Integer> t : seen) {
            assertTrue(history.contains(t), "frame ran " + t + ", which no chain snapshot runs");
        }
    }

    private static long revision(NetDevice d) {
        TcxChain c = d.chain(Hook.INGRESS);
        return c == null ? 0 : c.revision() + c.hashCode();
    }

    /** The tags a frame collects through a chain: until the first code other than NEXT. */
    private static List<Integer> run(TcxChain chain, Map<Integer, Integer> codes) {
        List<Integer> t = new ArrayList<>();
        if (chain == null) {
            return t;
        }
        for (NetProgram p : chain.programs()) {
            t.add(p.id());
            if (codes.get(p.id()) != Progs.NEXT) {
                break;
            }
        }
        return t;
    }
}
