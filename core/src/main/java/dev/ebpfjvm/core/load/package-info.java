/**
 * Loading an {@link dev.ebpfjvm.core.elf.ObjectSpec}: the maps are created (or shared through
 * the pin registry), global variables set, relocations applied, prog arrays and map-in-maps
 * filled, and every program prepared by an engine. cilium/ebpf's Spec → Collection step;
 * libbpf's bpf_object__load().
 */
package dev.ebpfjvm.core.load;
