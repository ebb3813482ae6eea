package dev.ebpfjvm.core.elf;

import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.btf.BtfSpec;
import dev.ebpfjvm.core.btf.BtfType;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.MapType;
import dev.ebpfjvm.core.maps.Pinning;
import dev.ebpfjvm.core.memory.LittleEndian;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the map definitions of an object: the BTF-defined maps of {@code .maps} (one VAR of its
 * DATASEC each, as bpf_object__init_user_btf_map() in libbpf) and the legacy {@code maps}
 * section of {@code struct bpf_map_def} (as libbpf before 1.0 and cilium/ebpf read it).
 */
final class MapSections {
    /** The section of BTF-defined maps. */
    static final String BTF_MAPS = ".maps";
    /** The legacy map section. */
    static final String LEGACY_MAPS = "maps";
    /** {@code sizeof(struct bpf_map_def)}: type, key_size, value_size, max_entries, map_flags. */
    private static final int LEGACY_DEF_SIZE = 20;

    private MapSections() {}

    /** {@return the maps of the {@code .maps} section, in DATASEC order} */
    static List<DeclaredMap> btfMaps(ElfFile elf, ElfSection section, BtfSpec btf) {
        if (btf == null) {
            throw new MalformedObjectException(BTF_MAPS, "BTF-defined maps need a .BTF section");
        }
        BtfType.Datasec sec = btf.datasec(BTF_MAPS)
                .orElseThrow(() -> new MalformedObjectException(BTF_MAPS, "no DATASEC '.maps' in .BTF"));
        List<DeclaredMap> maps = new ArrayList<>();
        for (DatasecVars.Entry v : DatasecVars.of(elf, section, btf, sec)) {
            if (v.var().linkage() != BtfType.Linkage.GLOBAL) {
                throw new UnsupportedFeatureException(
                        "section '.maps': map '" + v.name() + "' has " + v.var().linkage() + " linkage");
            }
            BtfType def = btf.resolve(v.var().type());
            if (!(def instanceof BtfType.Struct) || ((BtfType.Struct) def).size() > v.size()) {
                throw new MalformedObjectException(
                        BTF_MAPS,
                        "map '" + v.name() + "': definition is not a struct of at most " + v.size() + " bytes");
            }
            BtfMapDef parsed = BtfMapDef.parse(v.name(), btf, (BtfType.Struct) def, true);
            maps.add(new DeclaredMap(toSpec(parsed), section.index(), v.offset(), v.size(), parsed.valuesOffset));
        }
        return maps;
    }

    private static MapSpec toSpec(BtfMapDef def) {
        MapSpec inner = def.inner == null ? null : toSpec(def.inner);
        Pinning pinning = def.pinning == 1 ? Pinning.BY_NAME : Pinning.NONE;
        return new MapSpec(
                def.name,
                mapType(def.name, def.type),
                def.keySize,
                def.valueSize,
                def.maxEntries,
                def.flags,
                pinning,
                inner,
                List.of());
    }

    private static MapType mapType(String map, int id) {
        MapType type = MapType.ofId(id);
        if (type == null) {
            throw new UnsupportedFeatureException(
                    "map '" + map + "': unknown map type " + Integer.toUnsignedString(id));
        }
        return type;
    }

    /** {@return the maps of the legacy {@code maps} section, one per symbol in it} */
    static List<DeclaredMap> legacyMaps(ElfFile elf, ElfSection section) {
        List<ElfSymbol> symbols = new ArrayList<>();
        for (ElfSymbol sym : elf.symbolsIn(section)) {
            if (sym.type() != ElfSymbol.STT_SECTION) {
                symbols.add(sym);
            }
        }
        if (symbols.isEmpty() || section.isNoBits() || section.size() % symbols.size() != 0) {
            throw new MalformedObjectException(
                    LEGACY_MAPS,
                    "unable to determine map definition size: " + section.size() + " bytes for " + symbols.size()
                            + " symbols");
        }
        long defSize = section.size() / symbols.size();
        byte[] data = elf.contents(section);
        List<DeclaredMap> maps = new ArrayList<>();
        for (ElfSymbol sym : symbols) {
            if (sym.name().isEmpty() || sym.value() < 0 || sym.value() + defSize > data.length) {
                throw new MalformedObjectException(
                        LEGACY_MAPS,
                        "symbol '" + sym.name() + "' at " + sym.value() + " is not a map definition of " + defSize
                                + " bytes");
            }
            maps.add(new DeclaredMap(
                    legacySpec(sym.name(), data, (int) sym.value(), (int) defSize),
                    section.index(),
                    sym.value(),
                    defSize,
                    -1));
        }
        return maps;
    }

    private static MapSpec legacySpec(String name, byte[] data, int at, int defSize) {
        byte[] def = new byte[Math.max(defSize, LEGACY_DEF_SIZE)];
        System.arraycopy(data, at, def, 0, defSize);
        for (int i = LEGACY_DEF_SIZE; i < defSize; i++) {
            if (def[i] != 0) {
                throw new UnsupportedFeatureException("section 'maps': map '" + name
                        + "' has unrecognized, non-zero options beyond struct bpf_map_def");
            }
        }
        int[] f = new int[5];
        for (int i = 0; i < f.length; i++) {
            f[i] = (int) LittleEndian.getU32(def, 4 * i);
        }
        return new MapSpec(name, mapType(name, f[0]), f[1], f[2], f[3], f[4], Pinning.NONE, null, List.of());
    }
}
