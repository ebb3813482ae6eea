package dev.ebpfjvm.core.elf;

import dev.ebpfjvm.core.btf.BtfSpec;
import dev.ebpfjvm.core.maps.MapSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything an object file declares, before anything is created (cilium/ebpf's
 * CollectionSpec): programs, maps (BTF-defined, legacy, and one per global data section),
 * global variables, license, kernel version and BTF. Immutable; the {@code with…} methods
 * return changed copies, so a spec can be adjusted (a global set, a map resized) before loading.
 * Reading the same file twice gives equal specs.
 *
 * @param programs the entry programs, in section then symbol order
 * @param maps every map: {@code .maps} in BTF order, then legacy {@code maps}, then data sections
 * @param globals the global variables of the data sections
 * @param license the license string, empty when the object has none
 * @param kernelVersion the {@code version} section's value, 0 when absent
 * @param btf the object's BTF, or null when it has none
 */
public record ObjectSpec(
        List<ProgramSpec> programs,
        List<MapSpec> maps,
        List<GlobalVariable> globals,
        String license,
        int kernelVersion,
        BtfSpec btf) {
    public ObjectSpec {
        programs = List.copyOf(programs);
        maps = List.copyOf(maps);
        globals = List.copyOf(globals);
        Objects.requireNonNull(license, "license");
    }

    /** {@return the program of a name} */
    public Optional<ProgramSpec> program(String name) {
        return programs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** {@return the map of a name (data-section maps are named after their section, e.g. ".rodata")} */
    public Optional<MapSpec> map(String name) {
        return maps.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** {@return the global variable of a name} */
    public Optional<GlobalVariable> global(String name) {
        return globals.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /**
     * {@return true for the map of a {@code .rodata} section, which libbpf freezes after
     * initialising it so that only the values set before load ever exist}
     */
    public boolean isReadOnlyData(String mapName) {
        return DataSections.isReadOnly(mapName) && map(mapName).isPresent();
    }

    /**
     * {@return an object of programs and maps built in Java (for example with
     * {@link dev.ebpfjvm.core.asm.InsnList#spec}), with no global variables and no BTF}
     */
    public static ObjectSpec of(List<ProgramSpec> programs, List<MapSpec> maps) {
        return new ObjectSpec(programs, maps, List.of(), "GPL", 0, null);
    }

    /**
     * Sets the initial value of a global variable, as a libbpf skeleton does for
     * {@code const volatile} configuration before load.
     *
     * @param name the variable
     * @param value its new bytes, at most its size (a shorter value sets a prefix)
     * @return a copy of this spec whose data-section map starts with the value
     * @throws IllegalArgumentException when there is no such variable or the value is too long
     */
    public ObjectSpec withGlobal(String name, byte[] value) {
        GlobalVariable var = global(name)
                .orElseThrow(() -> new IllegalArgumentException("no global variable '" + name + "' (have "
                        + globals.stream().map(GlobalVariable::name).collect(Collectors.toList()) + ")"));
        if (value.length > var.size()) {
            throw new IllegalArgumentException(
                    "global '" + name + "' has " + var.size() + " bytes, got " + value.length);
        }
        MapSpec data = map(var.section()).orElseThrow(() -> new IllegalStateException("no map for " + var.section()));
        return withMap(DataSections.withBytes(data, var.offset(), value));
    }

    /**
     * {@return a copy of this spec with the map of the same name replaced}
     *
     * @throws IllegalArgumentException when there is no map of that name
     */
    public ObjectSpec withMap(MapSpec replacement) {
        List<MapSpec> changed = new ArrayList<>(maps);
        int index = -1;
        for (int i = 0; i < changed.size(); i++) {
            if (changed.get(i).name().equals(replacement.name())) {
                index = i;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("no map '" + replacement.name() + "'");
        }
        changed.set(index, replacement);
        return new ObjectSpec(programs, changed, globals, license, kernelVersion, btf);
    }
}
