/**
 * Maps, as the kernel implements them (kernel/bpf/arraymap.c, hashtab.c, bpf_lru_list.c,
 * ringbuf.c, map_in_map.c, syscall.c): the sealed {@link dev.ebpfjvm.core.maps.BpfMap} family,
 * created from a {@link dev.ebpfjvm.core.maps.MapSpec} with the kernel's checks and errnos, used by
 * programs through the helpers in {@code core.helpers} and by user space through a byte-array API
 * that throws {@link dev.ebpfjvm.core.maps.MapException}; and the
 * {@link dev.ebpfjvm.core.maps.PinRegistry} namespace in which maps, programs and links are pinned.
 *
 * <p>Every map's values live in {@code byte[]} regions of the
 * {@link dev.ebpfjvm.core.memory.RegionTable}, so a value pointer is an ordinary segmented address
 * that engines dereference directly; the map object itself is found from its address through a
 * region of kind {@link dev.ebpfjvm.core.memory.RegionKind#MAP}.
 */
package dev.ebpfjvm.core.maps;
