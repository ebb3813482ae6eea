package dev.ebpfjvm.bench.workload;

import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Executable;
import dev.ebpfjvm.core.exec.HelperRegistry;
import dev.ebpfjvm.core.exec.Program;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.helpers.MapHelpers;
import dev.ebpfjvm.core.isa.Assembler;
import dev.ebpfjvm.core.maps.BpfMap;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.memory.Reach;
import dev.ebpfjvm.core.memory.RegionTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program in the conformance assembler syntax, read from the jar, run with r1 = a buffer and
 * r2 = its length (the calling convention of testdata/bench). The buffer size is the
 * {@code mem: N bytes} of the program's header comment. A map the program uses is written
 * {@code ${name}} in the text ({@code lddw %r1, ${counters}, map_fd}) and replaced by the address
 * of a map created from the spec of that name, as the loader's relocation would.
 *
 * @param name the workload's name, also the file name without {@code .asm}
 * @param origin "micro" or "asm"
 * @param resource the absolute resource path of the program text
 * @param input makes the buffer from the header's size
 * @param maps the specs of the maps the program names
 */
public record AsmWorkload(String name, String origin, String resource, IntFunction<byte[]> input, List<MapSpec> maps)
        implements Workload {
    /** The helpers every assembled workload may call: the map helpers. */
    static final HelperRegistry HELPERS =
            MapHelpers.register(HelperRegistry.builder()).build();

    private static final Pattern MEM = Pattern.compile("mem: (\\d+) bytes");
    private static final Pattern MAP_REF = Pattern.compile("\\$\\{(\\w+)}");

    public AsmWorkload {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(input, "input");
        maps = List.copyOf(maps);
    }

    /** {@return the program text as the jar holds it, map references unresolved} */
    public String source() {
        return ResourceFiles.text(resource);
    }

    /** {@return the buffer size the header names} */
    public int memSize() {
        Matcher m = MEM.matcher(source());
        if (!m.find()) {
            throw new IllegalArgumentException(resource + ": header names no 'mem: N bytes'");
        }
        return Integer.parseInt(m.group(1));
    }

    @Override
    public Instance open(Engine engine) {
        Map<String, BpfMap> created = new LinkedHashMap<>();
        RegionTable regions = new RegionTable();
        try {
            for (MapSpec spec : maps) {
                created.put(spec.name(), BpfMap.create(spec, 1, regions));
            }
            Program program = new Program(
                    name, Assembler.assemble(resolve(source(), created)), HELPERS, Reach.of(regions, created.values()));
            Executable executable = engine.load(program);
            byte[] buffer = input.apply(memSize());
            return new Instance(executable, new ProgramContext().withBuffer(buffer), buffer, created, () -> {
                executable.close();
                created.values().forEach(BpfMap::close);
            });
        } catch (RuntimeException e) {
            created.values().forEach(BpfMap::close);
            throw e;
        }
    }

    private String resolve(String source, Map<String, BpfMap> created) {
        Matcher m = MAP_REF.matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            BpfMap map = created.get(m.group(1));
            if (map == null) {
                throw new IllegalArgumentException(
                        resource + ": no map '" + m.group(1) + "' (have " + created.keySet() + ")");
            }
            m.appendReplacement(out, "0x" + Long.toHexString(map.address()));
        }
        return m.appendTail(out).toString();
    }
}
