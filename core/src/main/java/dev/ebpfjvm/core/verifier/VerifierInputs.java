package dev.ebpfjvm.core.verifier;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.btf.BtfSpec;
import dev.ebpfjvm.core.btf.BtfType;
import dev.ebpfjvm.core.btf.FuncInfo;
import dev.ebpfjvm.core.elf.ObjectSpec;
import dev.ebpfjvm.core.elf.ProgramSpec;
import dev.ebpfjvm.core.elf.Relocation;
import dev.ebpfjvm.core.elf.Subprogram;
import dev.ebpfjvm.core.maps.MapSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the verifier's input from an object spec, as the kernel sees a program libbpf loads: the
 * map and global-data relocations become map and map-value references (BPF_PSEUDO_MAP_FD and
 * BPF_PSEUDO_MAP_VALUE, before any address exists), {@code .rodata} maps are frozen with their
 * initial bytes (libbpf freezes them after creating them), and the program type's helpers apply.
 */
public final class VerifierInputs {
    private VerifierInputs() {}

    /**
     * @param object the object
     * @param program the entry program's name
     * @param options log level and mode
     * @return the input for {@link Verifier#verify}
     * @throws EbpfException when there is no such program or it refers to a map the object lacks
     */
    public static VerifierInput of(ObjectSpec object, String program, VerifierOptions options) {
        ProgramSpec spec = object.program(program)
                .orElseThrow(() -> new EbpfException("no program '" + program + "' in the object"));
        Map<String, MapRef> maps = new HashMap<>();
        for (MapSpec m : object.maps()) {
            maps.put(m.name(), ref(object, m));
        }
        List<LdImmRef> refs = new ArrayList<>();
        for (Relocation r : spec.relocations()) {
            if (r.kind() != Relocation.Kind.MAP && r.kind() != Relocation.Kind.MAP_VALUE) {
                continue;
            }
            MapRef map = maps.get(r.target());
            if (map == null) {
                throw new EbpfException("program '" + program + "': insn " + r.slot() + " refers to map '" + r.target()
                        + "', which the object does not declare");
            }
            refs.add(new LdImmRef(
                    r.slot(),
                    r.kind() == Relocation.Kind.MAP ? LdImmRef.Kind.MAP_PTR : LdImmRef.Kind.MAP_VALUE,
                    map,
                    r.offset()));
        }
        List<Integer> starts = new ArrayList<>();
        for (Subprogram f : spec.functions()) {
            starts.add(f.slot());
        }
        return new VerifierInput(
                program,
                spec.type(),
                spec.insns(),
                refs,
                starts,
                HelperProtos.forType(spec.type()),
                options,
                globals(object.btf(), spec),
                nonScalarReturns(object.btf(), spec));
    }

    /** {@return the subprograms whose BTF return type is not an integer or enum, as check_btf_func() sees them} */
    static Set<Integer> nonScalarReturns(BtfSpec btf, ProgramSpec spec) {
        Set<Integer> out = new HashSet<>();
        if (btf == null) {
            return out;
        }
        for (FuncInfo fi : spec.funcInfos()) {
            BtfType t = btf.type(fi.typeId());
            if (fi.slot() == 0 || !(t instanceof BtfType.Func)) {
                continue;
            }
            BtfType proto = btf.resolve(((BtfType.Func) t).type());
            if (proto instanceof BtfType.FuncProto) {
                int ret = ((BtfType.FuncProto) proto).returnType();
                BtfType r = ret == 0 ? null : btf.resolve(ret);
                if (!(r instanceof BtfType.Int || r instanceof BtfType.Enum || r instanceof BtfType.Enum64)) {
                    out.add(fi.slot());
                }
            }
        }
        return out;
    }

    /** Mirrors btf_prepare_func_args(): the global functions and what their parameters are. */
    static List<GlobalFunc> globals(BtfSpec btf, ProgramSpec spec) {
        List<GlobalFunc> out = new ArrayList<>();
        if (btf == null) {
            return out;
        }
        for (FuncInfo fi : spec.funcInfos()) {
            if (fi.slot() == 0) {
                continue;
            }
            BtfType t = btf.type(fi.typeId());
            if (!(t instanceof BtfType.Func) || ((BtfType.Func) t).linkage() != BtfType.Linkage.GLOBAL) {
                continue;
            }
            BtfType proto = btf.resolve(((BtfType.Func) t).type());
            if (!(proto instanceof BtfType.FuncProto)) {
                continue;
            }
            List<GlobalFunc.Arg> args = new ArrayList<>();
            for (BtfType.Param p : ((BtfType.FuncProto) proto).params()) {
                BtfType pt = btf.resolve(p.type());
                if (pt instanceof BtfType.Ptr) {
                    int target = ((BtfType.Ptr) pt).type();
                    BtfType tt = btf.resolve(target);
                    if (tt instanceof BtfType.Struct && "__sk_buff".equals(((BtfType.Struct) tt).name())) {
                        args.add(new GlobalFunc.Arg(GlobalFunc.Kind.CTX, 0));
                    } else {
                        args.add(new GlobalFunc.Arg(GlobalFunc.Kind.MEM, (int) btf.sizeOf(target)));
                    }
                } else {
                    args.add(new GlobalFunc.Arg(GlobalFunc.Kind.SCALAR, 0));
                }
            }
            out.add(new GlobalFunc(fi.slot(), ((BtfType.Func) t).name(), args));
        }
        return out;
    }

    private static MapRef ref(ObjectSpec object, MapSpec m) {
        byte[] frozen = null;
        int flags = m.flags();
        if (object.isReadOnlyData(m.name())) {
            frozen = new byte[m.valueSize()];
            if (!m.contents().isEmpty() && m.contents().get(0).value() != null) {
                byte[] init = m.contents().get(0).value();
                System.arraycopy(init, 0, frozen, 0, Math.min(init.length, frozen.length));
            }
            flags |= MapSpec.F_RDONLY_PROG;
        }
        return new MapRef(
                m.name(),
                m.type(),
                m.keySize(),
                m.valueSize(),
                m.maxEntries(),
                flags,
                m.innerMap() == null ? null : MapRef.of(m.innerMap()),
                frozen,
                spinLock(object.btf(), m.name()));
    }

    /**
     * {@return the offset of the {@code struct bpf_spin_lock} member of a BTF-defined map's value
     * type, -1 when it has none} (btf_find_spin_lock() on the value type libbpf passes).
     */
    static int spinLock(BtfSpec btf, String map) {
        if (btf == null) {
            return -1;
        }
        BtfType.Datasec maps = btf.datasec(".maps").orElse(null);
        if (maps == null) {
            return -1;
        }
        for (BtfType.VarSecinfo v : maps.vars()) {
            BtfType var = btf.type(v.type());
            if (!(var instanceof BtfType.Var) || !((BtfType.Var) var).name().equals(map)) {
                continue;
            }
            BtfType def = btf.resolve(((BtfType.Var) var).type());
            if (!(def instanceof BtfType.Struct)) {
                return -1;
            }
            for (BtfType.Member m : ((BtfType.Struct) def).members()) {
                if (!m.name().equals("value")) {
                    continue;
                }
                BtfType ptr = btf.resolve(m.type());
                if (!(ptr instanceof BtfType.Ptr)) {
                    return -1;
                }
                BtfType value = btf.resolve(((BtfType.Ptr) ptr).type());
                if (!(value instanceof BtfType.Struct)) {
                    return -1;
                }
                for (BtfType.Member f : ((BtfType.Struct) value).members()) {
                    BtfType t = btf.resolve(f.type());
                    if (t instanceof BtfType.Struct && "bpf_spin_lock".equals(((BtfType.Struct) t).name())) {
                        return f.bitOffset() / 8;
                    }
                }
                return -1;
            }
        }
        return -1;
    }
}
