package dev.ebpfjvm.core.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One immutable snapshot of a hook's tcx chain (a {@code bpf_mprog_entry} with its bundle's
 * revision and clsact state). Every change publishes a new snapshot; a frame runs through one.
 */
public final class TcxChain {
    /** The most entries a chain holds: {@code bpf_mprog_max()}, {@code BPF_MPROG_MAX - 1}. */
    public static final int MAX_ENTRIES = 63;

    /** An entry: a program and the link that owns it, or null when attached without a link. */
    public record Entry(NetProgram program, TcxLink link) {}

    private final Entry[] entries;
    private final long revision;
    private final boolean clsact;
    private final NetProgram[] programArray;
    private volatile ChainDispatcher dispatcher;

    TcxChain(Entry[] entries, long revision, boolean clsact) {
        this.entries = entries;
        this.revision = revision;
        this.clsact = clsact;
        this.programArray = new NetProgram[entries.length];
        for (int i = 0; i < entries.length; i++) {
            programArray[i] = entries[i].program();
        }
    }

    /** A fresh bundle: no entries, revision 1 ({@code bpf_mprog_bundle_init()}). */
    static TcxChain fresh() {
        return new TcxChain(new Entry[0], 1, false);
    }

    /** {@return the revision} */
    public long revision() {
        return revision;
    }

    /** {@return the number of entries} */
    public int size() {
        return entries.length;
    }

    /** {@return the entries in order} */
    public List<Entry> entries() {
        return Collections.unmodifiableList(Arrays.asList(entries));
    }

    /** {@return the programs in order} */
    public List<NetProgram> programs() {
        List<NetProgram> l = new ArrayList<>(entries.length);
        for (Entry e : entries) {
            l.add(e.program());
        }
        return l;
    }

    Entry entry(int i) {
        return entries[i];
    }

    Entry[] raw() {
        return entries;
    }

    /** {@return whether a clsact qdisc keeps this chain alive ({@code miniq_active})} */
    boolean clsact() {
        return clsact;
    }

    /** {@code tcx_entry_is_active()}. */
    boolean active() {
        return entries.length > 0 || clsact;
    }

    /** {@return the programs as an array, shared: never modified} */
    NetProgram[] programArray() {
        return programArray;
    }

    /** {@return this snapshot's dispatcher, compiled on first use (a race compiles twice, harmlessly)} */
    ChainDispatcher dispatcher(ChainCompiler compiler) {
        ChainDispatcher d = dispatcher;
        if (d == null) {
            d = compiler.compile(programArray());
            dispatcher = d;
        }
        return d;
    }

    TcxChain with(Entry[] newEntries) {
        return new TcxChain(newEntries, revision + 1, clsact);
    }

    TcxChain withClsact(boolean on) {
        return new TcxChain(entries, revision, on);
    }

    @Override
    public String toString() {
        return "rev " + revision + " " + Arrays.toString(entries);
    }
}
