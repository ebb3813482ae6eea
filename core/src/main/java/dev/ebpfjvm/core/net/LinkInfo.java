package dev.ebpfjvm.core.net;

/**
 * What {@code BPF_OBJ_GET_INFO_BY_FD} reports for a tcx link ({@code BPF_LINK_TYPE_TCX}).
 *
 * @param id the link id
 * @param programId the id of its program
 * @param ifindex the device it is attached to, 0 once detached
 * @param hook its attach type
 */
public record LinkInfo(int id, int programId, int ifindex, Hook hook) {
    /** {@code BPF_LINK_TYPE_TCX}. */
    public static final int TYPE_TCX = 11;
}
