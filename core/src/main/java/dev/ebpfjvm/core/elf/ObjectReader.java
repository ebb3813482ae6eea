package dev.ebpfjvm.core.elf;

import dev.ebpfjvm.core.InputFiles;
import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.btf.BtfExt;
import dev.ebpfjvm.core.btf.BtfExtReader;
import dev.ebpfjvm.core.btf.BtfReader;
import dev.ebpfjvm.core.btf.BtfSpec;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.memory.LittleEndian;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an object compiled by {@code clang -O2 -g -target bpf} into an {@link ObjectSpec},
 * following libbpf's conventions (bpf_object__open() in src/libbpf.c): programs by section and
 * function symbol, BTF-defined and legacy maps, global data sections as maps, relocations,
 * subprogram linking, {@code .BTF} and {@code .BTF.ext}. Nothing is created: the result is plain
 * data. Deterministic: the same bytes always give an equal spec.
 *
 * <p>A file that does not parse raises {@link MalformedObjectException} naming the section and
 * the problem; a valid object that uses something ebpf-jvm does not support (a kfunc or an extern
 * in a program it runs, a static program, a big-endian object) raises
 * {@link UnsupportedFeatureException}. A program of a section ebpf-jvm does not run (xdp, kprobe …)
 * is read as {@linkplain ProgramSpec#unsupportedReason() unsupported}, externs and all, and does not
 * keep the others from being read. Nothing else escapes, whatever the input.
 */
public final class ObjectReader {
    private ObjectReader() {}

    /**
     * Reads an object file.
     *
     * @throws IOException when it is not a regular file of at most {@link InputFiles#MAX_OBJECT_BYTES}, or cannot be read
     */
    public static ObjectSpec read(Path file) throws IOException {
        return read(InputFiles.read(file, InputFiles.MAX_OBJECT_BYTES));
    }

    /** Reads an object from its bytes. */
    public static ObjectSpec read(byte[] bytes) {
        ElfFile elf = ElfFile.parse(bytes);
        BtfSpec btf = readBtf(elf);
        BtfExt ext = btf == null
                ? BtfExt.EMPTY
                : elf.section(BtfExtReader.SECTION)
                        .map(s -> BtfExtReader.read(contents(elf, s), btf))
                        .orElse(BtfExt.EMPTY);
        String license = license(elf);
        List<DeclaredMap> declared = new ArrayList<>();
        Optional<ElfSection> btfMaps = elf.section(MapSections.BTF_MAPS);
        btfMaps.ifPresent(s -> declared.addAll(MapSections.btfMaps(elf, s, btf)));
        elf.section(MapSections.LEGACY_MAPS).ifPresent(s -> declared.addAll(MapSections.legacyMaps(elf, s)));
        List<MapSpec> dataMaps = new ArrayList<>();
        List<GlobalVariable> globals = new ArrayList<>();
        Map<Integer, String> dataByIndex = new LinkedHashMap<>();
        for (ElfSection s : elf.sections()) {
            if (DataSections.isDataSection(s)) {
                dataMaps.add(DataSections.mapSpec(elf, s));
                dataByIndex.put(s.index(), s.name());
                globals.addAll(DataSections.variables(elf, s, btf));
            }
        }
        CodeSections code = CodeSections.read(elf);
        CodeRefs.resolve(elf, code, declared, dataByIndex);
        List<ProgramSpec> programs = link(code, ext, license);
        List<DeclaredMap> filled = btfMaps.isPresent() ? MapValues.apply(elf, btfMaps.get(), declared, code) : declared;
        List<MapSpec> maps = new ArrayList<>();
        filled.forEach(m -> maps.add(m.spec()));
        maps.addAll(dataMaps);
        checkUnique("map", maps.stream().map(MapSpec::name).toList());
        checkUnique("program", programs.stream().map(ProgramSpec::name).toList());
        return new ObjectSpec(programs, maps, globals, license, kernelVersion(elf), btf);
    }

    /**
     * Links every entry program. Each program gets its own copy of the subprograms it calls, so
     * the total can exceed the file's code; it is capped at the kernel's program limit plus 16
     * times the file's code, which no real object reaches and a crafted one cannot exceed.
     */
    private static List<ProgramSpec> link(CodeSections code, BtfExt btfExt, String license) {
        ExtIndex ext = new ExtIndex(btfExt);
        long budget = ProgramLinker.MAX_SLOTS;
        for (CodeFunction f : code.functions()) {
            budget += 16L * f.insns.slotCount();
        }
        List<ProgramSpec> programs = new ArrayList<>();
        long total = 0;
        for (CodeFunction f : code.functions()) {
            if (f.entry) {
                ProgramSpec p = ProgramLinker.link(f, ext, license);
                total += p.insns().slotCount();
                if (total > budget) {
                    throw new UnsupportedFeatureException(
                            "linking the programs needs more than " + budget + " instructions in all");
                }
                programs.add(p);
            }
        }
        return programs;
    }

    private static BtfSpec readBtf(ElfFile elf) {
        Optional<ElfSection> s = elf.section(BtfReader.SECTION);
        return s.isPresent() ? BtfReader.read(contents(elf, s.get())) : null;
    }

    private static byte[] contents(ElfFile elf, ElfSection s) {
        if (s.type() != ElfSection.SHT_PROGBITS) {
            throw new MalformedObjectException(s.name(), "section type " + s.type() + " is not PROGBITS");
        }
        return elf.contents(s);
    }

    /** The license: the {@code license} section up to its first NUL (libbpf's bpf_object__init_license()). */
    private static String license(ElfFile elf) {
        Optional<ElfSection> s = elf.section("license");
        if (s.isEmpty()) {
            return "";
        }
        byte[] data = elf.contents(s.get());
        int end = 0;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return new String(data, 0, end, StandardCharsets.UTF_8);
    }

    /** The {@code version} section: one u32 (libbpf's bpf_object__init_kversion()). */
    private static int kernelVersion(ElfFile elf) {
        Optional<ElfSection> s = elf.section("version");
        if (s.isEmpty()) {
            return 0;
        }
        byte[] data = elf.contents(s.get());
        if (data.length != 4) {
            throw new MalformedObjectException("version", "size " + data.length + " is not 4");
        }
        return (int) LittleEndian.getU32(data, 0);
    }

    private static void checkUnique(String what, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new MalformedObjectException(null, "two " + what + "s named '" + name + "'");
            }
        }
    }
}
