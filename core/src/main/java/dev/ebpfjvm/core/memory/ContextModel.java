package dev.ebpfjvm.core.memory;

/**
 * A context whose fields are not plain bytes: the {@code __sk_buff} of tc programs, whose reads of
 * {@code data}/{@code data_end} yield packet pointers and whose other fields map onto the skb model
 * (the kernel's {@code convert_ctx_access}). When {@link Memory} has a context model, every access
 * to the context region goes through it; engines may specialise accesses at constant offsets.
 */
public interface ContextModel {
    /**
     * Reads a context field.
     *
     * @param offset the byte offset into the context structure
     * @param size the access size: 1, 2, 4 or 8
     * @return the value as the program sees it (a full 64-bit address for pointer fields)
     * @throws dev.ebpfjvm.core.ProgramFaultException for an offset or size the kernel rejects
     */
    long load(int offset, int size);

    /**
     * Writes a context field.
     *
     * @throws dev.ebpfjvm.core.ProgramFaultException for a read-only field or a bad offset or size
     */
    void store(int offset, int size, long value);
}
