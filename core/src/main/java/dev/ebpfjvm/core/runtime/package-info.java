/**
 * The library's front door: a {@link dev.ebpfjvm.core.runtime.BpfRuntime} plays the kernel's part,
 * objects load into it ({@link dev.ebpfjvm.core.runtime.BpfObject}), and their programs and maps
 * come back as handles by name ({@link dev.ebpfjvm.core.runtime.BpfProgram},
 * {@link dev.ebpfjvm.core.runtime.TypedMap}). Runtimes share nothing.
 */
package dev.ebpfjvm.core.runtime;
