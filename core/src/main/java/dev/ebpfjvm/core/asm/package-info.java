/**
 * An instruction builder in the style of cilium/ebpf's asm package: operations are values that
 * build instructions, labels are symbols on instructions, and references by name (labels,
 * functions, maps) are resolved when the program is assembled.
 *
 * <pre>{@code
 * import static dev.ebpfjvm.core.isa.AluOp.ADD;
 * import static dev.ebpfjvm.core.isa.AluOp.MOV;
 * import static dev.ebpfjvm.core.isa.JumpOp.JEQ;
 * import static dev.ebpfjvm.core.isa.Reg.R0; // … R1, R2, R10
 *
 * ProgramSpec spec = InsnList.of(
 *         Asm.st(Size.W, R10, -4, 0),           // key = 0, on the stack
 *         Asm.lddwMap(R1, "counters"),          // the map, by name
 *         MOV.reg(R2, R10),
 *         ADD.imm(R2, -4),                      // r2 = &key
 *         Asm.call(HelperId.MAP_LOOKUP_ELEM),
 *         JEQ.imm(R0, 0, "out"),                // a miss: return 0
 *         MOV.imm(R1, 1),
 *         AtomicOp.ADD.mem(Size.DW, R0, R1, 0), // counters[0] += 1
 *         MOV.imm(R0, 0).withSymbol("out"),
 *         Asm.exit())
 *     .spec("count", "tc", "GPL");
 *
 * // loaded like a program of an ELF object, with the maps its object declares
 * ObjectSpec object = new ObjectSpec(List.of(spec),
 *         List.of(MapSpec.of("counters", MapType.ARRAY, 4, 8, 1, 0)), List.of(), "GPL", 0, null);
 * try (LoadedObject loaded = ObjectLoader.defaults().load(object)) {
 *     loaded.program("count").run(new ProgramContext());
 * }
 * }</pre>
 *
 * <p>{@code AsmLoadTest.packageExample_runs} runs this example.
 *
 * <p>{@link dev.ebpfjvm.core.asm.InsnList#spec} gives the same
 * {@link dev.ebpfjvm.core.elf.ProgramSpec} an ELF object gives, so the object loader resolves the
 * map reference as it resolves an ELF relocation; {@link dev.ebpfjvm.core.asm.InsnList#instructions()}
 * gives the {@link dev.ebpfjvm.core.isa.Instructions} of a program that refers to no map.
 * Operations with operands are built by their {@code dev.ebpfjvm.core.isa} enums
 * ({@link dev.ebpfjvm.core.isa.AluOp}, {@link dev.ebpfjvm.core.isa.JumpOp},
 * {@link dev.ebpfjvm.core.isa.AtomicOp}); everything else by {@link dev.ebpfjvm.core.asm.Asm}.
 */
package dev.ebpfjvm.core.asm;
