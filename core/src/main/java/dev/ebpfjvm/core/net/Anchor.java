package dev.ebpfjvm.core.net;

/**
 * Where an attach puts its entry, or which entry a detach removes, as cilium/ebpf's
 * {@code link.Anchor}: the mprog flags and the relative object. {@link #tail()} is the default.
 *
 * @param flags the {@code BPF_F_*} position flags ({@code BEFORE}, {@code AFTER}, {@code ID},
 *     {@code LINK}, {@code REPLACE})
 * @param program the relative (or, for {@link #replace}, the replaced) program, or null
 * @param link the relative link, or null
 * @param id the relative object's id for the {@code ById} anchors, else 0
 */
public record Anchor(int flags, NetProgram program, TcxLink link, int id) {
    /** {@code BPF_F_REPLACE}. */
    public static final int F_REPLACE = Mprog.F_REPLACE;
    /** {@code BPF_F_BEFORE}. */
    public static final int F_BEFORE = Mprog.F_BEFORE;
    /** {@code BPF_F_AFTER}. */
    public static final int F_AFTER = Mprog.F_AFTER;
    /** {@code BPF_F_ID}. */
    public static final int F_ID = Mprog.F_ID;
    /** {@code BPF_F_LINK}. */
    public static final int F_LINK = Mprog.F_LINK;

    /** {@return the first position: BEFORE without a relative object} */
    public static Anchor head() {
        return new Anchor(F_BEFORE, null, null, 0);
    }

    /** {@return the last position: AFTER without a relative object} */
    public static Anchor tail() {
        return new Anchor(F_AFTER, null, null, 0);
    }

    /** {@return no flags at all: the tail for an attach, the last entry for a detach} */
    public static Anchor none() {
        return new Anchor(0, null, null, 0);
    }

    /** {@return right before a program} */
    public static Anchor before(NetProgram program) {
        return new Anchor(F_BEFORE, java.util.Objects.requireNonNull(program, "program"), null, 0);
    }

    /** {@return right after a program} */
    public static Anchor after(NetProgram program) {
        return new Anchor(F_AFTER, java.util.Objects.requireNonNull(program, "program"), null, 0);
    }

    /** {@return right before a link's entry} */
    public static Anchor before(Link link) {
        return new Anchor(F_BEFORE | F_LINK, null, link.kernelLink(), 0);
    }

    /** {@return right after a link's entry} */
    public static Anchor after(Link link) {
        return new Anchor(F_AFTER | F_LINK, null, link.kernelLink(), 0);
    }

    /** {@return before the program of an id} */
    public static Anchor beforeProgramId(int id) {
        return new Anchor(F_BEFORE | F_ID, null, null, id);
    }

    /** {@return after the program of an id} */
    public static Anchor afterProgramId(int id) {
        return new Anchor(F_AFTER | F_ID, null, null, id);
    }

    /** {@return before the link of an id} */
    public static Anchor beforeLinkId(int id) {
        return new Anchor(F_BEFORE | F_ID | F_LINK, null, null, id);
    }

    /** {@return after the link of an id} */
    public static Anchor afterLinkId(int id) {
        return new Anchor(F_AFTER | F_ID | F_LINK, null, null, id);
    }

    /** {@return in place of a program attached without a link (program attach only)} */
    public static Anchor replace(NetProgram program) {
        return new Anchor(F_REPLACE, java.util.Objects.requireNonNull(program, "program"), null, 0);
    }
}
