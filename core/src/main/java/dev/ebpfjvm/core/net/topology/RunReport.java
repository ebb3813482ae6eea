package dev.ebpfjvm.core.net.topology;

import dev.ebpfjvm.core.net.Hook;
import java.util.List;
import java.util.Map;

/**
 * What a run of a topology did: the packets pushed, the wall time, and the counters of every
 * device, hook and program as they stood at the end.
 *
 * @param packets the packets pushed into the topology
 * @param nanos the wall time of the run, in nanoseconds
 * @param threads the worker threads (one simulated CPU each)
 * @param engine the name of the engine the programs ran on
 * @param devices the device counters, by ifindex
 * @param hooks the hooks that have (or had) a chain or filters
 * @param programs the runs and verdicts of each program on each hook it ran on
 * @param changes the scheduled changes applied, in order
 */
public record RunReport(
        long packets,
        long nanos,
        int threads,
        String engine,
        List<DeviceStats> devices,
        List<HookStats> hooks,
        List<ProgramStats> programs,
        List<Topology.Change> changes) {

    public RunReport {
        devices = List.copyOf(devices);
        hooks = List.copyOf(hooks);
        programs = List.copyOf(programs);
        changes = List.copyOf(changes);
    }

    /** {@return packets per second over the run's wall time} */
    public double packetsPerSecond() {
        return nanos == 0 ? 0 : packets * 1e9 / nanos;
    }

    /** {@return the counters of a device by name, or null} */
    public DeviceStats device(String name) {
        return devices.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }

    /** {@return the counters of a hook, or null when it never had a chain} */
    public HookStats hook(String device, Hook hook) {
        return hooks.stream()
                .filter(h -> h.device().equals(device) && h.hook() == hook)
                .findFirst()
                .orElse(null);
    }

    /** The counters of one device; {@code delivered} counts the frames that reached its host side. */
    public record DeviceStats(
            String name,
            int ifindex,
            long rxPackets,
            long rxBytes,
            long txPackets,
            long txBytes,
            long rxDropped,
            long txDropped,
            long redirectDrops,
            long loopDrops,
            long delivered) {}

    /** The verdicts of one hook (each packet that met a chain counts once, whatever ran). */
    public record HookStats(
            String device, Hook hook, long packets, long pass, long drop, long redirect, long consumed, long faults) {}

    /** The runs of one program on one hook, and how often it returned each code. */
    public record ProgramStats(
            int id, String object, String name, String device, Hook hook, long runs, Map<Integer, Long> verdicts) {
        public ProgramStats {
            verdicts = Map.copyOf(verdicts);
        }
    }
}
