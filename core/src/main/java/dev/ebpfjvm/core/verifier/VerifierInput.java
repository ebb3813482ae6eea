package dev.ebpfjvm.core.verifier;

import dev.ebpfjvm.core.elf.ProgramType;
import dev.ebpfjvm.core.isa.Instructions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the verifier checks a program against: its instructions (map references still
 * symbolic, as {@code BPF_PSEUDO_MAP_FD}/{@code BPF_PSEUDO_MAP_VALUE} lddw), the program type,
 * what each map lddw refers to, the start slots of its functions, the helper prototypes allowed
 * for its type, and the options. {@link VerifierInputs#of} builds one from an object spec.
 *
 * @param name the program's name, for messages
 * @param type the program type
 * @param insns the instructions
 * @param ldImms what each map or global-data lddw loads
 * @param functionStarts the start slots of the program's functions (slot 0 first); callback
 *     and call targets found in the instructions are added by the verifier
 * @param helpers the helper prototypes of the program type
 * @param options log level and mode
 * @param globalFuncs the functions BTF declares global, verified on their own
 * @param nonScalarReturns the start slots of subprograms whose BTF return type is no integer or
 *     enum (void): they may not tail-call, as check_btf_func() rules
 */
public record VerifierInput(
        String name,
        ProgramType type,
        Instructions insns,
        List<LdImmRef> ldImms,
        List<Integer> functionStarts,
        HelperProtos helpers,
        VerifierOptions options,
        List<GlobalFunc> globalFuncs,
        Set<Integer> nonScalarReturns) {
    public VerifierInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(insns, "insns");
        Objects.requireNonNull(helpers, "helpers");
        Objects.requireNonNull(options, "options");
        ldImms = List.copyOf(ldImms);
        functionStarts = List.copyOf(functionStarts);
        globalFuncs = List.copyOf(globalFuncs);
        nonScalarReturns = Set.copyOf(nonScalarReturns);
    }

    /** {@return an input with no map references, for instruction-built tests} */
    public static VerifierInput of(String name, ProgramType type, Instructions insns) {
        return new VerifierInput(
                name,
                type,
                insns,
                List.of(),
                List.of(0),
                HelperProtos.forType(type),
                VerifierOptions.DEFAULT,
                List.of(),
                Set.of());
    }

    /** {@return the same input with other options} */
    public VerifierInput withOptions(VerifierOptions o) {
        return new VerifierInput(name, type, insns, ldImms, functionStarts, helpers, o, globalFuncs, nonScalarReturns);
    }

    /** {@return the same input with other map references} */
    public VerifierInput withLdImms(List<LdImmRef> refs) {
        return new VerifierInput(
                name, type, insns, refs, functionStarts, helpers, options, globalFuncs, nonScalarReturns);
    }

    /** {@return the same input with global functions} */
    public VerifierInput withGlobalFuncs(List<GlobalFunc> funcs) {
        return new VerifierInput(name, type, insns, ldImms, functionStarts, helpers, options, funcs, nonScalarReturns);
    }

    GlobalFunc globalAt(int slot) {
        for (GlobalFunc g : globalFuncs) {
            if (g.slot() == slot) {
                return g;
            }
        }
        return null;
    }

    Map<Integer, LdImmRef> ldImmBySlot() {
        Map<Integer, LdImmRef> m = new HashMap<>();
        for (LdImmRef r : ldImms) {
            m.put(r.slot(), r);
        }
        return m;
    }
}
