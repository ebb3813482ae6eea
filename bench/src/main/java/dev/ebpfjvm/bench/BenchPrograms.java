package dev.ebpfjvm.bench;

import dev.ebpfjvm.core.conformance.ConformanceRunner;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.helpers.MapHelpers;
import dev.ebpfjvm.core.isa.Assembler;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.MapType;
import dev.ebpfjvm.core.memory.LittleEndian;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmarked programs: the seven micro programs of ../shared/bench (which carry native
 * timings: alu64_loop, calls, csum_1500, div_loop, empty, mem_rw_1k, straight_line), and two of
 * this module's own, a packet parser with a hash-map lookup and a map-heavy loop. The shared
 * folder is {@code -Debpfjvm.shared}, by default {@code ../shared} from the working directory.
 */
public final class BenchPrograms {
    /** The shared micro programs. */
    public static final List<String> SHARED = List.of("alu64_loop", "calls", "csum_1500", "div_loop", "empty",
            "mem_rw_1k", "straight_line");
    /** This module's programs. */
    public static final List<String> OWN = List.of("packet_parser", "map_heavy");

    private static final Pattern MEM = Pattern.compile("mem: (\\d+) bytes");
    private static final HelperRegistry MAP_HELPERS = MapHelpers.register(HelperRegistry.builder()).build();

    private BenchPrograms() {
    }

    /** {@return a program by name, with its buffer filled from a fixed seed} */
    public static BenchProgram load(String name) {
        switch (name) {
            case "packet_parser": return packetParser();
            case "map_heavy": return mapHeavy();
            default: return shared(name);
        }
    }

    private static BenchProgram shared(String name) {
        Path dir = Paths.get(System.getProperty("ebpfjvm.shared", "../shared"), "bench");
        String source;
        try {
            source = Files.readString(dir.resolve(name + ".asm"));
        } catch (IOException e) {
            throw new UncheckedIOException("bench program " + name + " (set -Debpfjvm.shared)", e);
        }
        Matcher m = MEM.matcher(source);
        byte[] buffer = new byte[m.find() ? Integer.parseInt(m.group(1)) : 64];
        new Random(name.hashCode()).nextBytes(buffer);
        return new BenchProgram(new Program(name, Assembler.assemble(source), ConformanceRunner.HELPERS), buffer,
                List.of());
    }

    /** A TCP/IPv4 packet whose (daddr, dport) key is in the map with action 1. */
    private static BenchProgram packetParser() {
        byte[] packet = new byte[64];
        packet[12] = 0x08;
        packet[14] = 0x45;
        packet[23] = 6;
        LittleEndian.putU32(packet, 30, 0x0a000001L);
        LittleEndian.putU16(packet, 36, 0x5000);
        BpfMap flows = BpfMap.create(MapSpec.of("flows", MapType.HASH, 8, 4, 64, 0));
        byte[] key = new byte[8];
        LittleEndian.putU64(key, 0, LittleEndian.getU32(packet, 30) << 32 | LittleEndian.getU16(packet, 36));
        flows.update(key, new byte[] {1, 0, 0, 0});
        String source = resource("packet_parser.asm").replace("MAP", hex(flows.address()));
        return new BenchProgram(new Program("packet_parser", Assembler.assemble(source), MAP_HELPERS), packet,
                List.of(flows));
    }

    private static BenchProgram mapHeavy() {
        BpfMap array = BpfMap.create(MapSpec.of("counters", MapType.ARRAY, 4, 8, 16, 0));
        BpfMap hash = BpfMap.create(MapSpec.of("last", MapType.HASH, 4, 8, 8, 0));
        String source = resource("map_heavy.asm").replace("ARRAY", hex(array.address()))
                .replace("HASH", hex(hash.address()));
        return new BenchProgram(new Program("map_heavy", Assembler.assemble(source), MAP_HELPERS), new byte[64],
                List.of(array, hash));
    }

    private static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }

    private static String resource(String name) {
        try (InputStream in = BenchPrograms.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }
}
