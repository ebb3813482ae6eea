/**
 * The eBPF instruction set (RFC 9669 plus what Linux accepts today): the opcode fields as enums,
 * the {@link dev.ebpfjvm.core.isa.Insn} record, the binary codec, and the text assembler and
 * disassembler.
 *
 * <p>The operation enums build instructions, as cilium/ebpf's asm package does:
 * {@code AluOp.ADD.imm(Reg.R1, 4)}, {@code JumpOp.JEQ.imm(Reg.R1, 0, "out")},
 * {@code AtomicOp.FETCH_ADD.mem(Size.DW, Reg.R10, Reg.R1, -8)}. A complete instruction is an
 * {@link dev.ebpfjvm.core.isa.Insn}; one that defines a label or names its target is a
 * {@link dev.ebpfjvm.core.isa.SymbolicInsn}; both are an {@link dev.ebpfjvm.core.isa.AsmInsn},
 * which {@code dev.ebpfjvm.core.asm.InsnList} assembles.
 *
 * <pre>
 *  an instruction slot, little-endian, 8 bytes:
 *  | opcode:8 | dst:4 | src:4 | off:16 (signed) | imm:32 (signed) |
 *  opcode = | op:4 | source:1 | class:3 |   (ALU, ALU64, JMP, JMP32)
 *           | mode:3 | size:2 | class:3 |   (LD, LDX, ST, STX)
 * </pre>
 */
package dev.ebpfjvm.core.isa;
