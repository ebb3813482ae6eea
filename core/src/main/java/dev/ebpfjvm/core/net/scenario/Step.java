package dev.ebpfjvm.core.net.scenario;

import java.util.List;
import java.util.Objects;

/**
 * One step of a scenario, with the recorder's defaults already applied by the parser: {@code dev}
 * "veth1" ("veth0" for {@code send}), {@code hook} "ingress", {@code via} "prog",
 * {@code count_in} 64, {@code packets} 1.
 *
 * @param op the operation: attach, detach, query, link_update, link_detach, link_close, link_pin,
 *     unpin, link_get_pinned, link_info, prog_close, dev_del, tc_filter_add, tc_clsact_del, send
 * @param prog the program (attach, detach: null = none, link_update: the new one, prog_close, tc_filter_add)
 * @param via "prog" (BPF_PROG_ATTACH) or "link" (BPF_LINK_CREATE)
 * @param link the link's name (attach via link: the new link; link ops; link_get_pinned: the new name)
 * @param flags attach/detach/update flags: uapi names without {@code BPF_F_}, or decimal numbers
 * @param relative the relative object, or null
 * @param byId pass the relative object's id instead of its fd
 * @param replace the program of replace_bpf_fd, or null
 * @param expectedRevision the expected revision, 0 for none
 * @param dev the device
 * @param hook "ingress" or "egress"
 * @param countIn the entries of the query buffers
 * @param oldProg link_update's old_prog_fd program, or null
 * @param path the pin path
 * @param packets frames to send
 */
public record Step(
        String op,
        String prog,
        String via,
        String link,
        List<String> flags,
        Relative relative,
        boolean byId,
        String replace,
        long expectedRevision,
        String dev,
        String hook,
        int countIn,
        String oldProg,
        String path,
        int packets) {
    public Step {
        Objects.requireNonNull(op, "op");
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /**
     * A relative object: exactly one of the three is set.
     *
     * @param prog a program's name
     * @param link a link's name
     * @param raw a raw fd or id number
     */
    public record Relative(String prog, String link, Long raw) {}
}
