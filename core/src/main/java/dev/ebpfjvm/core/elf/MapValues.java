package dev.ebpfjvm.core.elf;

import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.MapType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The initial slots of prog arrays and map-in-maps: each relocation of {@code .maps} inside a
 * map's {@code values} member puts the program or map its symbol names into slot
 * (offset in values) / 8. Mirrors bpf_object__collect_map_relos() in libbpf's src/libbpf.c.
 */
final class MapValues {
    private static final int POINTER_SIZE = 8;

    private MapValues() {}

    /** {@return the maps with their initial slots filled} */
    static List<DeclaredMap> apply(ElfFile elf, ElfSection mapsSection, List<DeclaredMap> maps, CodeSections code) {
        MapIndex index = new MapIndex(maps);
        List<List<MapSpec.Init>> inits = new ArrayList<>();
        maps.forEach(m -> inits.add(new ArrayList<>()));
        for (ElfRelocation rel : elf.relocations(mapsSection)) {
            ElfSymbol sym = elf.symbols().get(rel.symbol());
            int i = index.covering(maps, mapsSection.index(), rel.offset(), POINTER_SIZE);
            if (i < 0) {
                throw malformed("relocation at offset " + rel.offset() + " against '" + sym.name() + "' is in no map");
            }
            DeclaredMap map = maps.get(i);
            long offsetInValues = rel.offset() - map.offset() - map.valuesOffset();
            if (map.valuesOffset() < 0 || offsetInValues < 0 || offsetInValues % POINTER_SIZE != 0) {
                throw malformed("map '" + map.spec().name() + "': relocation at offset " + rel.offset()
                        + " is not a slot of its 'values'");
            }
            long slot = offsetInValues / POINTER_SIZE;
            if (slot >= Integer.toUnsignedLong(map.spec().maxEntries())) {
                throw malformed("map '" + map.spec().name() + "': values[" + slot + "] beyond max_entries "
                        + Integer.toUnsignedString(map.spec().maxEntries()));
            }
            String target = target(elf, map.spec(), sym, mapsSection, maps, index, code);
            inits.get(i).add(new MapSpec.Init(key((int) slot), null, target));
        }
        List<DeclaredMap> out = new ArrayList<>();
        for (int i = 0; i < maps.size(); i++) {
            DeclaredMap m = maps.get(i);
            MapSpec s = m.spec();
            out.add(
                    inits.get(i).isEmpty()
                            ? m
                            : new DeclaredMap(
                                    new MapSpec(
                                            s.name(),
                                            s.type(),
                                            s.keySize(),
                                            s.valueSize(),
                                            s.maxEntries(),
                                            s.flags(),
                                            s.pinning(),
                                            s.innerMap(),
                                            inits.get(i)),
                                    m.section(),
                                    m.offset(),
                                    m.size(),
                                    m.valuesOffset()));
        }
        return out;
    }

    private static String target(
            ElfFile elf,
            MapSpec map,
            ElfSymbol sym,
            ElfSection mapsSection,
            List<DeclaredMap> maps,
            MapIndex index,
            CodeSections code) {
        if (map.type().isMapInMap()) {
            if (map.type() == MapType.HASH_OF_MAPS && map.keySize() != 4) {
                throw malformed("hash-of-maps '" + map.name() + "' should have key size 4");
            }
            Optional<Integer> inner = index.at(mapsSection.index(), sym.value());
            if (sym.sectionIndex() != mapsSection.index() || inner.isEmpty()) {
                throw malformed("map '" + map.name() + "': '" + sym.name() + "' isn't a BTF-defined map");
            }
            return maps.get(inner.get()).spec().name();
        }
        Optional<CodeFunction> prog = sym.isInSection() && sym.value() % 8 == 0
                ? code.startingAt(elf.section(sym.sectionIndex()), sym.value() / 8)
                : Optional.empty();
        if (prog.isPresent() && prog.get().entry && prog.get().name.equals(sym.name())) {
            return sym.name();
        }
        throw malformed("map '" + map.name() + "': '" + sym.name() + "' isn't an entry-point program");
    }

    private static byte[] key(int slot) {
        return new byte[] {(byte) slot, (byte) (slot >>> 8), (byte) (slot >>> 16), (byte) (slot >>> 24)};
    }

    private static MalformedObjectException malformed(String reason) {
        return new MalformedObjectException(MapSections.BTF_MAPS, reason);
    }
}
