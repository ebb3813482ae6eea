package dev.ebpfjvm.core;

/** Valid input that ebpf-jvm does not support (yet): a kfunc call, an XDP section, … */
public class UnsupportedFeatureException extends EbpfException {
    private static final long serialVersionUID = 1L;

    public UnsupportedFeatureException(String message) {
        super(message);
    }
}
