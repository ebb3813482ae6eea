package dev.ebpfjvm.core.net;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The statistics of a device, of its hooks and of the programs that ran on them. Thread-safe. */
public final class Counters {
    private Counters() {}

    /** Device statistics, as {@code ip -s link} shows them, plus the simulation's drop reasons. */
    public static final class Device {
        final LongAdder rxPackets = new LongAdder();
        final LongAdder rxBytes = new LongAdder();
        final LongAdder txPackets = new LongAdder();
        final LongAdder txBytes = new LongAdder();
        final LongAdder rxDropped = new LongAdder();
        final LongAdder txDropped = new LongAdder();
        final LongAdder loopDrops = new LongAdder();
        final LongAdder redirectDrops = new LongAdder();

        Device() {}

        /** {@return frames received (entering the ingress hook)} */
        public long rxPackets() {
            return rxPackets.sum();
        }

        /** {@return bytes received} */
        public long rxBytes() {
            return rxBytes.sum();
        }

        /** {@return frames transmitted (having passed the egress hook)} */
        public long txPackets() {
            return txPackets.sum();
        }

        /** {@return bytes transmitted} */
        public long txBytes() {
            return txBytes.sum();
        }

        /** {@return frames dropped on receive: device down, too long, dropped at ingress} */
        public long rxDropped() {
            return rxDropped.sum();
        }

        /** {@return frames dropped on transmit: device down, dropped at egress} */
        public long txDropped() {
            return txDropped.sum();
        }

        /** {@return frames dropped because a redirect chain exceeded {@link Network#MAX_REDIRECT_DEPTH}} */
        public long loopDrops() {
            return loopDrops.sum();
        }

        /** {@return redirects from this device that dropped: missing or down target, bad peer} */
        public long redirectDrops() {
            return redirectDrops.sum();
        }
    }

    /** The verdicts of one hook (after tcx and classic filters). */
    public static final class Hook {
        final LongAdder packets = new LongAdder();
        final LongAdder pass = new LongAdder();
        final LongAdder drop = new LongAdder();
        final LongAdder redirect = new LongAdder();
        final LongAdder consumed = new LongAdder();
        final LongAdder faults = new LongAdder();
        final ConcurrentHashMap<Integer, Program> programs = new ConcurrentHashMap<>();

        Hook() {}

        /** {@return frames that entered the hook while it had a chain} */
        public long packets() {
            return packets.sum();
        }

        /** {@return frames that went on (PASS, NEXT or an unknown code)} */
        public long pass() {
            return pass.sum();
        }

        /** {@return frames dropped} */
        public long drop() {
            return drop.sum();
        }

        /** {@return frames redirected} */
        public long redirect() {
            return redirect.sum();
        }

        /** {@return frames a classic filter stole, queued or trapped} */
        public long consumed() {
            return consumed.sum();
        }

        /** {@return program runs that faulted (counted as drops)} */
        public long faults() {
            return faults.sum();
        }

        /** {@return the counters of a program on this hook, or null when it never ran here} */
        public Program program(int programId) {
            return programs.get(programId);
        }

        Program programCounters(int programId) {
            return programs.computeIfAbsent(programId, k -> new Program());
        }
    }

    /** Runs of one program on one hook and the codes it returned. */
    public static final class Program {
        final LongAdder runs = new LongAdder();
        final ConcurrentHashMap<Integer, LongAdder> codes = new ConcurrentHashMap<>();

        Program() {}

        void record(int code) {
            runs.increment();
            codes.computeIfAbsent(code, k -> new LongAdder()).increment();
        }

        /** {@return how often it ran} */
        public long runs() {
            return runs.sum();
        }

        /** {@return how often it returned each code (r0 as a 32-bit int)} */
        public Map<Integer, Long> verdicts() {
            Map<Integer, Long> m = new TreeMap<>();
            codes.forEach((k, v) -> m.put(k, v.sum()));
            return m;
        }
    }
}
