package dev.ebpfjvm.core.elf;

import dev.ebpfjvm.core.maps.MapSpec;

/**
 * A map together with where the object declares it, so that relocations against a symbol in a
 * map section can find it by offset.
 *
 * @param spec the map
 * @param section the section index ({@code .maps} or the legacy {@code maps})
 * @param offset the byte offset of the definition in the section
 * @param size the size of the definition in bytes
 * @param valuesOffset the byte offset of the {@code values} member in the definition, or -1
 */
record DeclaredMap(MapSpec spec, int section, long offset, long size, int valuesOffset) {
    /** {@return true when a byte range of the section lies inside this definition} */
    boolean covers(int sectionIndex, long from, long length) {
        return sectionIndex == section && from >= offset && from + length <= offset + size;
    }
}
