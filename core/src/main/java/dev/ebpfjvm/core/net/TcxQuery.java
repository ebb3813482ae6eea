package dev.ebpfjvm.core.net;

import java.util.List;

/**
 * The answer of a tcx query ({@code BPF_PROG_QUERY}): the chain's revision and its entries.
 *
 * @param revision the chain's revision (1 for a hook without a chain)
 * @param entries the entries in chain order
 */
public record TcxQuery(long revision, List<Attached> entries) {
    public TcxQuery {
        entries = List.copyOf(entries);
    }

    /**
     * One entry.
     *
     * @param programId the program id
     * @param linkId the id of the owning link, 0 without one
     */
    public record Attached(int programId, int linkId) {}
}
