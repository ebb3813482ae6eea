/**
 * The eBPF instruction set (RFC 9669 plus what Linux accepts today): the opcode fields as enums,
 * the {@link dev.ebpfjvm.core.isa.Insn} record, the binary codec, and the text assembler and
 * disassembler.
 *
 * <pre>
 *  an instruction slot, little-endian, 8 bytes:
 *  | opcode:8 | dst:4 | src:4 | off:16 (signed) | imm:32 (signed) |
 *  opcode = | op:4 | source:1 | class:3 |   (ALU, ALU64, JMP, JMP32)
 *           | mode:3 | size:2 | class:3 |   (LD, LDX, ST, STX)
 * </pre>
 */
package dev.ebpfjvm.core.isa;
