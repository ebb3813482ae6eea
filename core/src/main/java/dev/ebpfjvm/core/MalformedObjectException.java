package dev.ebpfjvm.core;

/** An object file (ELF, BTF) that does not parse: names the section and what is wrong there. */
public class MalformedObjectException extends EbpfException {
    private static final long serialVersionUID = 1L;
    private final String section;

    public MalformedObjectException(String section, String reason) {
        super(section == null ? reason : "section '" + section + "': " + reason);
        this.section = section;
    }

    public MalformedObjectException(String section, String reason, Throwable cause) {
        super(section == null ? reason : "section '" + section + "': " + reason, cause);
        this.section = section;
    }

    /** {@return the section at fault, or null when the file header itself is bad} */
    public String section() {
        return section;
    }
}
