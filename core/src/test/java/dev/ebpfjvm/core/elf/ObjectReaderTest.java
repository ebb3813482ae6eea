package dev.ebpfjvm.core.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.isa.InsnCodec;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.MapType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ObjectReader on every valid fixture against the recorded outputs of llvm-readelf (function
 * symbols), llvm-objdump (instructions, relocations) and libbpf with the kernel (programs, maps,
 * prog-array slots, global variables).
 */
class ObjectReaderTest {
    /**
     * The valid fixtures the kernel oracle could not load, so generate.sh recorded no libbpf listing:
     * libbpf 1.x refuses to open the legacy {@code maps} section (EOPNOTSUPP), and the load of the
     * two pinned-map objects fails (EINVAL), and the kernel's verifier rejects forge.o, whose
     * programs dereference an address from user space (as they are meant to), and hostile.o, whose
     * programs loop forever and misuse spin locks and helper lengths (as they are meant to).
     */
    private static final Set<String> NO_LIBBPF_LISTING =
            Set.of("forge", "hostile", "legacy_maps", "pinned_egress", "pinned_ingress");

    static List<String> fixtures() {
        return Fixtures.valid();
    }

    /** {@return the valid fixtures with a recorded libbpf listing} */
    static List<String> fixturesWithLibbpfListing() {
        return fixtures().stream().filter(n -> !NO_LIBBPF_LISTING.contains(n)).collect(Collectors.toList());
    }

    @Test
    void libbpfListing_isRecordedForEveryFixtureButTheKnownOnes() {
        Set<String> missing = fixtures().stream()
                .filter(n -> Fixtures.expected(n, "libbpf").isEmpty())
                .collect(Collectors.toSet());
        assertEquals(NO_LIBBPF_LISTING, missing);
    }

    /** A program as the symbol table declares it. */
    private record Declared(String name, String section, long value, long size) {}

    private static List<Declared> declaredPrograms(String name) {
        ReadelfListing elf =
                ReadelfListing.parse(Fixtures.expected(name, "readelf").orElseThrow());
        List<Declared> out = new ArrayList<>();
        for (ReadelfListing.Section s : elf.sections) {
            if (!s.flags().contains("X") || s.name().equals(".text") || s.size() == 0) {
                continue;
            }
            elf.symbols.stream()
                    .filter(y -> y.type().equals("FUNC") && y.ndx().equals(Integer.toString(s.index())))
                    .sorted((a, b) -> Long.compare(a.value(), b.value()))
                    .forEach(y -> out.add(new Declared(y.name(), s.name(), y.value(), y.size())));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void read_programsAreTheFunctionsOfProgramSections(String name) {
        ObjectSpec spec = Fixtures.spec(name);
        List<String> want = declaredPrograms(name).stream()
                .map(d -> d.name() + " " + d.section() + " " + d.size() / 8)
                .collect(Collectors.toList());
        List<String> got = spec.programs().stream()
                .map(p -> p.name() + " " + p.section() + " " + p.ownSlots())
                .collect(Collectors.toList());
        assertEquals(want, got);
        Fixtures.expected(name, "libbpf")
                .map(LibbpfListing::parse)
                .ifPresent(libbpf -> assertEquals(
                        libbpf.progs.stream()
                                .map(p -> p.name() + " " + p.section())
                                .collect(Collectors.toSet()),
                        spec.programs().stream()
                                .map(p -> p.name() + " " + p.section())
                                .collect(Collectors.toSet())));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void read_programInstructionsMatchObjdump(String name) {
        ObjectSpec spec = Fixtures.spec(name);
        ObjdumpListing dump =
                ObjdumpListing.parse(Fixtures.expected(name, "objdump").orElseThrow());
        for (Declared d : declaredPrograms(name)) {
            ProgramSpec p = spec.program(d.name()).orElseThrow();
            byte[] section = dump.sections.get(d.section()).bytes.toByteArray();
            byte[] want = Arrays.copyOfRange(section, (int) d.value(), (int) (d.value() + d.size()));
            byte[] got = Arrays.copyOf(p.insns().encode(), want.length);
            Set<Integer> linked = p.relocations().stream()
                    .filter(r -> r.kind() == Relocation.Kind.CALL || r.kind() == Relocation.Kind.FUNC)
                    .map(Relocation::slot)
                    .collect(Collectors.toSet());
            for (int slot = 0; slot < want.length / 8; slot++) {
                int from = slot * 8;
                int to = linked.contains(slot) ? from + 1 : from + 8; // linked calls keep the opcode, change the rest
                assertEquals(hex(want, from, to), hex(got, from, to), name + "/" + p.name() + " slot " + slot);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void read_relocationsMatchObjdump(String name) {
        ObjectSpec spec = Fixtures.spec(name);
        ObjdumpListing dump =
                ObjdumpListing.parse(Fixtures.expected(name, "objdump").orElseThrow());
        ReadelfListing elf =
                ReadelfListing.parse(Fixtures.expected(name, "readelf").orElseThrow());
        for (Declared d : declaredPrograms(name)) {
            ProgramSpec p = spec.program(d.name()).orElseThrow();
            byte[] section = dump.sections.get(d.section()).bytes.toByteArray();
            List<String> want = new ArrayList<>();
            for (ObjdumpListing.Reloc r : dump.sections.get(d.section()).relocs) {
                // An extern (a kfunc) is left unresolved: only an unsupported program may use one.
                boolean extern = elf.symbols.stream()
                        .anyMatch(sym ->
                                sym.name().equals(r.symbol()) && sym.ndx().equals("UND"));
                if (extern) {
                    assertFalse(p.supported(), name + "/" + p.name() + " uses extern " + r.symbol());
                    continue;
                }
                if (r.offset() >= d.value() && r.offset() < d.value() + d.size()) {
                    want.add(describe((int) ((r.offset() - d.value()) / 8), r, section, elf));
                }
            }
            List<String> got = p.relocations().stream()
                    .filter(r -> r.slot() < p.ownSlots() && !r.symbol().isEmpty())
                    .map(r -> r.slot() + " " + r.symbol() + " " + r.kind() + " " + r.target() + "+" + r.offset())
                    .collect(Collectors.toList());
            assertEquals(want, got, name + "/" + p.name());
        }
    }

    /** What a relocation must become, worked out from objdump's bytes and readelf's symbols alone. */
    private static String describe(int slot, ObjdumpListing.Reloc r, byte[] section, ReadelfListing elf) {
        int imm = (section[(int) r.offset() + 4] & 0xff)
                | (section[(int) r.offset() + 5] & 0xff) << 8
                | (section[(int) r.offset() + 6] & 0xff) << 16
                | section[(int) r.offset() + 7] << 24;
        ReadelfListing.Symbol sym = elf.symbols.stream()
                .filter(s -> s.name().equals(r.symbol()))
                .findFirst()
                .orElseThrow();
        ReadelfListing.Section target = elf.sections.get(Integer.parseInt(sym.ndx()));
        String kind;
        String dest;
        long offset = 0;
        if (r.type().equals("R_BPF_64_32")) {
            kind = "CALL";
            dest = functionAt(elf, target, sym.value() + (imm + 1L) * 8);
        } else if (target.flags().contains("X")) {
            kind = "FUNC";
            dest = functionAt(elf, target, sym.value() + imm);
        } else if (target.name().equals(".maps") || target.name().equals("maps")) {
            kind = "MAP";
            dest = sym.name();
        } else {
            kind = "MAP_VALUE";
            dest = target.name();
            offset = sym.value() + imm;
        }
        return slot + " " + r.symbol() + " " + kind + " " + dest + "+" + offset;
    }

    /**
     * {@return the max_entries libbpf loads a map with}: a perf event array declared with 0 gets one
     * slot per possible CPU (map_set_def_max_entries()), 2 on the machine that recorded the listings.
     */
    private static int loadedMaxEntries(MapSpec m) {
        return m.type() == MapType.PERF_EVENT_ARRAY && m.maxEntries() == 0 ? 2 : m.maxEntries();
    }

    private static String functionAt(ReadelfListing elf, ReadelfListing.Section section, long value) {
        return elf.symbols.stream()
                .filter(s -> s.type().equals("FUNC")
                        && s.value() == value
                        && s.ndx().equals(Integer.toString(section.index())))
                .findFirst()
                .orElseThrow()
                .name();
    }

    @ParameterizedTest
    @MethodSource("fixturesWithLibbpfListing")
    void read_mapsMatchLibbpf(String name) {
        LibbpfListing libbpf =
                LibbpfListing.parse(Fixtures.expected(name, "libbpf").orElseThrow());
        ObjectSpec spec = Fixtures.spec(name);
        Set<String> want = new HashSet<>();
        for (LibbpfListing.Map m : libbpf.maps) {
            String mapName = spec.map(m.name()).isPresent()
                    ? m.name()
                    : m.name().substring(m.name().indexOf('.'));
            String type = m.type().matches("\\d+") ? m.type() : m.type();
            want.add(mapName + " " + type + " " + m.keySize() + " " + m.valueSize() + " " + m.maxEntries());
        }
        Set<String> got = spec.maps().stream()
                .map(m -> m.name() + " " + typeName(m, libbpf) + " " + m.keySize() + " " + m.valueSize() + " "
                        + loadedMaxEntries(m))
                .collect(Collectors.toSet());
        assertEquals(want, got);
        Set<String> slots = libbpf.slots.stream()
                .map(s -> s.map() + " " + s.keyHex() + " " + s.program())
                .collect(Collectors.toSet());
        Set<String> ours = new HashSet<>();
        for (MapSpec m : spec.maps()) {
            if (m.type().kernelName().equals("prog_array")) {
                m.contents().forEach(i -> ours.add(m.name() + " " + hex(i.key(), 0, 4) + " " + i.symbol()));
            }
        }
        assertEquals(slots, ours);
    }

    /** The oracle prints the kernel's names, or the numeric id of types its table lacks. */
    private static String typeName(MapSpec m, LibbpfListing libbpf) {
        boolean numeric = libbpf.maps.stream()
                .anyMatch(x -> x.type().equals(Integer.toString(m.type().id())));
        return numeric ? Integer.toString(m.type().id()) : m.type().kernelName();
    }

    @ParameterizedTest
    @MethodSource("fixturesWithLibbpfListing")
    void read_globalsMatchLibbpf(String name) {
        LibbpfListing libbpf =
                LibbpfListing.parse(Fixtures.expected(name, "libbpf").orElseThrow());
        ObjectSpec spec = Fixtures.spec(name);
        Set<String> want = libbpf.globals.stream()
                .map(g -> g.name() + " " + g.section() + " " + g.offset() + " " + g.size())
                .collect(Collectors.toSet());
        Set<String> got = spec.globals().stream()
                .map(g -> g.name() + " " + g.section() + " " + g.offset() + " " + g.size())
                .collect(Collectors.toSet());
        assertEquals(want, got);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void read_isDeterministic(String name) {
        assertEquals(Fixtures.spec(name), Fixtures.spec(name));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void read_everyProgramDecodesAndHasSourceLines(String name) {
        ObjectSpec spec = Fixtures.spec(name);
        for (ProgramSpec p : spec.programs()) {
            if (p.supported()) { // an unsupported program may keep unresolved kfunc calls, which do not validate
                assertEquals(p.insns(), InsnCodec.decode(p.insns().encode()), p.name());
            }
            assertFalse(p.lineInfos().isEmpty(), p.name());
            assertEquals(0, p.lineInfos().get(0).slot(), p.name());
            assertTrue(
                    p.lineInfos().stream()
                            .allMatch(li -> li.lineNumber() >= 0
                                    && li.slot() < p.insns().slotCount()
                                    && (li.fileName().endsWith(name + ".c")
                                            || li.fileName().endsWith(".h"))),
                    p.name());
            assertEquals(
                    p.functions().stream().map(Subprogram::slot).collect(Collectors.toList()),
                    p.funcInfos().stream().map(fi -> fi.slot()).collect(Collectors.toList()),
                    p.name());
            assertEquals(
                    p.functions().stream().map(Subprogram::name).collect(Collectors.toList()),
                    p.funcInfos().stream()
                            .map(fi -> spec.btf().type(fi.typeId()).name())
                            .collect(Collectors.toList()),
                    p.name());
            assertNotEquals("", p.license());
        }
    }

    private static String hex(byte[] b, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append(String.format("%02x", b[i]));
        }
        return sb.toString();
    }
}
