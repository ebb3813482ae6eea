package dev.ebpfjvm.core.net;

/** The two tcx attach points of a device, with their {@code enum bpf_attach_type} values. */
public enum Hook {
    /** {@code BPF_TCX_INGRESS}: frames the device receives. */
    INGRESS(46),
    /** {@code BPF_TCX_EGRESS}: frames the device transmits. */
    EGRESS(47);

    private final int attachType;

    Hook(int attachType) {
        this.attachType = attachType;
    }

    /** {@return the uapi attach type} */
    public int attachType() {
        return attachType;
    }

    /** {@return the hook of an attach type, or null for any other attach type} */
    public static Hook ofAttachType(int attachType) {
        for (Hook h : values()) {
            if (h.attachType == attachType) {
                return h;
            }
        }
        return null;
    }
}
