package dev.ebpfjvm.core.testrun;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One test-run case, as the kernel oracle takes it (shared/tools/kernel-oracle/README.md): the
 * program, the frame, the {@code struct __sk_buff} input and the setup of globals and maps. The
 * command-line tool reads these from the oracle's JSON case files.
 *
 * @param name the case's label, or "case N"
 * @param prog the program's function (or unique section) name
 * @param dataIn the frame, from its Ethernet header
 * @param ctxIn the {@code struct __sk_buff} given as input (192 bytes), packed as the oracle packs it
 * @param globals raw bytes written into global variables before load
 * @param maps map updates applied after load, in order
 */
public record TestCase(
        String name, String prog, byte[] dataIn, byte[] ctxIn, Map<String, byte[]> globals, List<MapSetup> maps) {

    /**
     * One map update of a case's setup ({@code BPF_MAP_UPDATE_ELEM}).
     *
     * @param map the map's name, or a global data section ({@code .data})
     * @param key the key bytes
     * @param value the value bytes, or null for a program slot
     * @param prog the program to put in a prog-array slot, or null
     * @param flags the update flags ({@code BPF_ANY} = 0)
     */
    public record MapSetup(String map, byte[] key, byte[] value, String prog, long flags) {}

    public TestCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prog, "prog");
        Objects.requireNonNull(dataIn, "dataIn");
        Objects.requireNonNull(ctxIn, "ctxIn");
        globals = Map.copyOf(globals);
        maps = List.copyOf(maps);
    }

    /** {@return the frame as hex, for messages} */
    public String dataHex() {
        return HexFormat.of().formatHex(dataIn);
    }
}
