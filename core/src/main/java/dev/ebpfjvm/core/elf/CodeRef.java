package dev.ebpfjvm.core.elf;

/**
 * What one instruction of a {@link CodeFunction} refers to, before linking.
 *
 * @param kind the kind of reference
 * @param map for MAP and MAP_VALUE, the map's name; else null
 * @param offset for MAP_VALUE, the byte offset in the map's value; else 0
 * @param function for CALL and FUNC, the function referred to; else null
 * @param symbol the ELF symbol of the relocation ("" for a call within a section)
 */
record CodeRef(Relocation.Kind kind, String map, int offset, CodeFunction function, String symbol) {
    static CodeRef toMap(Relocation.Kind kind, String map, int offset, String symbol) {
        return new CodeRef(kind, map, offset, null, symbol);
    }

    static CodeRef toFunction(Relocation.Kind kind, CodeFunction function, String symbol) {
        return new CodeRef(kind, null, 0, function, symbol);
    }
}
