package dev.ebpfjvm.core.interp;

/**
 * The interpreter's own operation codes: one per distinct behaviour, so that the dispatch loop
 * switches once per instruction and never re-reads opcode fields. {@link Decoder} maps every
 * instruction to one of them; the values are dense from 0 so that the switch compiles to a
 * {@code tableswitch}.
 */
final class Op {
    // ALU binary operations: 64- or 32-bit, immediate (K) or register (X) operand. The four
    // variants of an operation are consecutive in this order (OpTable.variant relies on it).
    static final int ADD64_K = 0;
    static final int ADD64_X = 1;
    static final int ADD32_K = 2;
    static final int ADD32_X = 3;
    static final int SUB64_K = 4;
    static final int SUB64_X = 5;
    static final int SUB32_K = 6;
    static final int SUB32_X = 7;
    static final int MUL64_K = 8;
    static final int MUL64_X = 9;
    static final int MUL32_K = 10;
    static final int MUL32_X = 11;
    static final int DIV64_K = 12;
    static final int DIV64_X = 13;
    static final int DIV32_K = 14;
    static final int DIV32_X = 15;
    static final int SDIV64_K = 16;
    static final int SDIV64_X = 17;
    static final int SDIV32_K = 18;
    static final int SDIV32_X = 19;
    static final int OR64_K = 20;
    static final int OR64_X = 21;
    static final int OR32_K = 22;
    static final int OR32_X = 23;
    static final int AND64_K = 24;
    static final int AND64_X = 25;
    static final int AND32_K = 26;
    static final int AND32_X = 27;
    static final int LSH64_K = 28;
    static final int LSH64_X = 29;
    static final int LSH32_K = 30;
    static final int LSH32_X = 31;
    static final int RSH64_K = 32;
    static final int RSH64_X = 33;
    static final int RSH32_K = 34;
    static final int RSH32_X = 35;
    static final int MOD64_K = 36;
    static final int MOD64_X = 37;
    static final int MOD32_K = 38;
    static final int MOD32_X = 39;
    static final int SMOD64_K = 40;
    static final int SMOD64_X = 41;
    static final int SMOD32_K = 42;
    static final int SMOD32_X = 43;
    static final int XOR64_K = 44;
    static final int XOR64_X = 45;
    static final int XOR32_K = 46;
    static final int XOR32_X = 47;
    static final int MOV64_K = 48;
    static final int MOV64_X = 49;
    static final int MOV32_K = 50;
    static final int MOV32_X = 51;
    static final int ARSH64_K = 52;
    static final int ARSH64_X = 53;
    static final int ARSH32_K = 54;
    static final int ARSH32_X = 55;

    // ALU unary operations; MOVSX carries the source width in imm, END the width in imm.
    static final int NEG64 = 56;
    static final int NEG32 = 57;
    static final int MOVSX64 = 58;
    static final int MOVSX32 = 59;
    static final int END_LE = 60;
    static final int END_SWAP = 61;

    // Jumps: the target slot - 1 is in off. The four variants of a condition are consecutive in
    // the same order as the ALU operations'.
    static final int JA = 62;
    static final int JEQ64_K = 63;
    static final int JEQ64_X = 64;
    static final int JEQ32_K = 65;
    static final int JEQ32_X = 66;
    static final int JGT64_K = 67;
    static final int JGT64_X = 68;
    static final int JGT32_K = 69;
    static final int JGT32_X = 70;
    static final int JGE64_K = 71;
    static final int JGE64_X = 72;
    static final int JGE32_K = 73;
    static final int JGE32_X = 74;
    static final int JSET64_K = 75;
    static final int JSET64_X = 76;
    static final int JSET32_K = 77;
    static final int JSET32_X = 78;
    static final int JNE64_K = 79;
    static final int JNE64_X = 80;
    static final int JNE32_K = 81;
    static final int JNE32_X = 82;
    static final int JSGT64_K = 83;
    static final int JSGT64_X = 84;
    static final int JSGT32_K = 85;
    static final int JSGT32_X = 86;
    static final int JSGE64_K = 87;
    static final int JSGE64_X = 88;
    static final int JSGE32_K = 89;
    static final int JSGE32_X = 90;
    static final int JLT64_K = 91;
    static final int JLT64_X = 92;
    static final int JLT32_K = 93;
    static final int JLT32_X = 94;
    static final int JLE64_K = 95;
    static final int JLE64_X = 96;
    static final int JLE32_K = 97;
    static final int JLE32_X = 98;
    static final int JSLT64_K = 99;
    static final int JSLT64_X = 100;
    static final int JSLT32_K = 101;
    static final int JSLT32_X = 102;
    static final int JSLE64_K = 103;
    static final int JSLE64_X = 104;
    static final int JSLE32_K = 105;
    static final int JSLE32_X = 106;

    // Calls and exit.
    static final int CALL_HELPER = 107;
    static final int CALLX = 108;
    static final int TAIL_CALL = 109;
    static final int CALL_LOCAL = 110;
    static final int EXIT = 111;

    // Loads and stores: the offset is in off; ST takes its value from imm; LD_PKT its size from off.
    // Sizes go B, H, W, DW (OpTable.sizeIndex); the LDX and LDSX codes are contiguous (Faults).
    static final int LDDW = 112;
    static final int LD_PKT = 113;
    static final int LDX_B = 114;
    static final int LDX_H = 115;
    static final int LDX_W = 116;
    static final int LDX_DW = 117;
    static final int LDSX_B = 118;
    static final int LDSX_H = 119;
    static final int LDSX_W = 120;
    static final int ST_B = 121;
    static final int ST_H = 122;
    static final int ST_W = 123;
    static final int ST_DW = 124;
    static final int STX_B = 125;
    static final int STX_H = 126;
    static final int STX_W = 127;
    static final int STX_DW = 128;
    static final int ATOMIC_W = 129;
    static final int ATOMIC_DW = 130;

    private Op() {}
}
