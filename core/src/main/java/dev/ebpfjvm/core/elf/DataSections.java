package dev.ebpfjvm.core.elf;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.btf.BtfSpec;
import dev.ebpfjvm.core.btf.BtfType;
import dev.ebpfjvm.core.maps.MapException;
import dev.ebpfjvm.core.maps.MapSpec;
import dev.ebpfjvm.core.maps.MapType;
import dev.ebpfjvm.core.maps.Pinning;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Global data: each non-empty {@code .data}, {@code .rodata}, {@code .bss} section, or one of
 * their suffixed variants ({@code .data.foo}, {@code .rodata.str1.1}), becomes a single-element
 * ARRAY map named after the section, with the section's bytes as its initial value
 * ({@code .bss} starts zero, so its spec has no initial contents). Mirrors
 * bpf_object__init_global_data_maps() and bpf_object__init_internal_map() in libbpf's
 * src/libbpf.c, which also mark {@code .rodata} maps {@code BPF_F_RDONLY_PROG}.
 */
final class DataSections {
    private static final byte[] KEY_ZERO = new byte[4];

    private DataSections() {}

    /** {@return true for a section that holds global data} */
    static boolean isDataSection(ElfSection s) {
        if (s.size() == 0 || s.isExecutable()) {
            return false;
        }
        if (s.type() == ElfSection.SHT_NOBITS) {
            return hasPrefix(s.name(), ".bss");
        }
        return s.type() == ElfSection.SHT_PROGBITS && (hasPrefix(s.name(), ".data") || isReadOnly(s.name()));
    }

    /** {@return true for {@code .rodata} and {@code .rodata.*}} */
    static boolean isReadOnly(String section) {
        return hasPrefix(section, ".rodata");
    }

    private static boolean hasPrefix(String name, String base) {
        return name.equals(base) || name.startsWith(base + ".");
    }

    /** {@return the map of a data section} */
    static MapSpec mapSpec(ElfFile elf, ElfSection s) {
        if (s.size() > Integer.MAX_VALUE) {
            throw new MalformedObjectException(s.name(), "size " + s.size() + " is too large for a map value");
        }
        List<MapSpec.Init> contents =
                s.isNoBits() ? List.of() : List.of(new MapSpec.Init(KEY_ZERO, elf.contents(s), null));
        int flags = isReadOnly(s.name()) ? MapSpec.F_RDONLY_PROG : 0;
        return new MapSpec(s.name(), MapType.ARRAY, 4, (int) s.size(), 1, flags, Pinning.NONE, null, contents);
    }

    /**
     * The variables of a data section: from its BTF DATASEC when there is one, else from the
     * named STT_OBJECT symbols in it.
     */
    static List<GlobalVariable> variables(ElfFile elf, ElfSection s, BtfSpec btf) {
        Optional<BtfType.Datasec> sec = btf == null ? Optional.empty() : btf.datasec(s.name());
        List<GlobalVariable> vars = new ArrayList<>();
        if (sec.isPresent()) {
            for (DatasecVars.Entry v : DatasecVars.of(elf, s, btf, sec.get())) {
                vars.add(new GlobalVariable(
                        v.name(), s.name(), (int) v.offset(), v.size(), v.var().type()));
            }
            return vars;
        }
        for (ElfSymbol sym : elf.symbolsIn(s)) {
            if (sym.type() == ElfSymbol.STT_OBJECT && !sym.name().isEmpty()) {
                if (sym.value() > Integer.MAX_VALUE || sym.size() > Integer.MAX_VALUE) {
                    throw new MalformedObjectException(
                            s.name(), "symbol '" + sym.name() + "' lies outside the section");
                }
                vars.add(checked(s, new GlobalVariable(sym.name(), s.name(), (int) sym.value(), (int) sym.size(), 0)));
            }
        }
        return vars;
    }

    private static GlobalVariable checked(ElfSection s, GlobalVariable v) {
        if ((long) v.offset() + v.size() > s.size()) {
            throw new MalformedObjectException(
                    s.name(),
                    "variable '" + v.name() + "' [" + v.offset() + ", +" + v.size() + ") lies outside the section of "
                            + s.size() + " bytes");
        }
        return v;
    }

    /** The largest initial value a data map can be given: the largest Java array. */
    private static final int MAX_VALUE_BYTES = Integer.MAX_VALUE - 8;

    /**
     * {@return a data map whose initial value has {@code bytes} written at {@code offset}}
     *
     * @throws MapException ENOMEM when the section is too large for an initial value in memory, as
     *     creating its map would fail
     */
    static MapSpec withBytes(MapSpec data, int offset, byte[] bytes) {
        byte[] value;
        if (!data.contents().isEmpty()) {
            value = data.contents().get(0).value();
        } else if (data.valueSize() > MAX_VALUE_BYTES) {
            throw new MapException(
                    data.name(),
                    "create",
                    Errno.ENOMEM,
                    "a value of " + data.valueSize() + " bytes exceeds a Java array");
        } else {
            try {
                value = new byte[data.valueSize()];
            } catch (OutOfMemoryError e) {
                throw new MapException(
                        data.name(),
                        "create",
                        Errno.ENOMEM,
                        "cannot allocate an initial value of " + data.valueSize() + " bytes");
            }
        }
        System.arraycopy(bytes, 0, value, offset, bytes.length);
        return new MapSpec(
                data.name(),
                data.type(),
                data.keySize(),
                data.valueSize(),
                data.maxEntries(),
                data.flags(),
                data.pinning(),
                data.innerMap(),
                List.of(new MapSpec.Init(KEY_ZERO, value, null)));
    }
}
