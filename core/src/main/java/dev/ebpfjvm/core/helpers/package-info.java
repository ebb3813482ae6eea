/**
 * The helper functions tc programs call, one class per family, each a set of
 * {@link dev.ebpfjvm.core.exec.Helper} implementations with the kernel's semantics and error
 * returns; both engines call the same code. {@link dev.ebpfjvm.core.helpers.TcHelpers#registry()}
 * gathers them under their uapi {@code BPF_FUNC_*} ids.
 */
package dev.ebpfjvm.core.helpers;
