package dev.ebpfjvm.core.interp;

/**
 * The interpreter's own operation codes: one per distinct behaviour, so that the dispatch loop
 * switches once per instruction and never re-reads opcode fields. {@link Decoder} maps every
 * instruction to one of them; the values are dense from 0 so that the switch compiles to a
 * {@code tableswitch}.
 */
final class Op {
    /** The sentinel slot after the last instruction: running into it is a fault. */
    static final int FELL_OFF = 0;

    // ALU binary operations: 64- or 32-bit, immediate (K) or register (X) operand. The four
    // variants of an operation are consecutive in this order (OpTable.variant relies on it).
    static final int ADD64_K = 1;
    static final int ADD64_X = 2;
    static final int ADD32_K = 3;
    static final int ADD32_X = 4;
    static final int SUB64_K = 5;
    static final int SUB64_X = 6;
    static final int SUB32_K = 7;
    static final int SUB32_X = 8;
    static final int MUL64_K = 9;
    static final int MUL64_X = 10;
    static final int MUL32_K = 11;
    static final int MUL32_X = 12;
    static final int DIV64_K = 13;
    static final int DIV64_X = 14;
    static final int DIV32_K = 15;
    static final int DIV32_X = 16;
    static final int SDIV64_K = 17;
    static final int SDIV64_X = 18;
    static final int SDIV32_K = 19;
    static final int SDIV32_X = 20;
    static final int OR64_K = 21;
    static final int OR64_X = 22;
    static final int OR32_K = 23;
    static final int OR32_X = 24;
    static final int AND64_K = 25;
    static final int AND64_X = 26;
    static final int AND32_K = 27;
    static final int AND32_X = 28;
    static final int LSH64_K = 29;
    static final int LSH64_X = 30;
    static final int LSH32_K = 31;
    static final int LSH32_X = 32;
    static final int RSH64_K = 33;
    static final int RSH64_X = 34;
    static final int RSH32_K = 35;
    static final int RSH32_X = 36;
    static final int MOD64_K = 37;
    static final int MOD64_X = 38;
    static final int MOD32_K = 39;
    static final int MOD32_X = 40;
    static final int SMOD64_K = 41;
    static final int SMOD64_X = 42;
    static final int SMOD32_K = 43;
    static final int SMOD32_X = 44;
    static final int XOR64_K = 45;
    static final int XOR64_X = 46;
    static final int XOR32_K = 47;
    static final int XOR32_X = 48;
    static final int MOV64_K = 49;
    static final int MOV64_X = 50;
    static final int MOV32_K = 51;
    static final int MOV32_X = 52;
    static final int ARSH64_K = 53;
    static final int ARSH64_X = 54;
    static final int ARSH32_K = 55;
    static final int ARSH32_X = 56;

    // ALU unary operations; MOVSX carries the source width in imm, END the width in imm.
    static final int NEG64 = 57;
    static final int NEG32 = 58;
    static final int MOVSX64 = 59;
    static final int MOVSX32 = 60;
    static final int END_LE = 61;
    static final int END_SWAP = 62;

    // Jumps: the target slot - 1 is in off. The four variants of a condition are consecutive in
    // the same order as the ALU operations'.
    static final int JA = 63;
    static final int JEQ64_K = 64;
    static final int JEQ64_X = 65;
    static final int JEQ32_K = 66;
    static final int JEQ32_X = 67;
    static final int JGT64_K = 68;
    static final int JGT64_X = 69;
    static final int JGT32_K = 70;
    static final int JGT32_X = 71;
    static final int JGE64_K = 72;
    static final int JGE64_X = 73;
    static final int JGE32_K = 74;
    static final int JGE32_X = 75;
    static final int JSET64_K = 76;
    static final int JSET64_X = 77;
    static final int JSET32_K = 78;
    static final int JSET32_X = 79;
    static final int JNE64_K = 80;
    static final int JNE64_X = 81;
    static final int JNE32_K = 82;
    static final int JNE32_X = 83;
    static final int JSGT64_K = 84;
    static final int JSGT64_X = 85;
    static final int JSGT32_K = 86;
    static final int JSGT32_X = 87;
    static final int JSGE64_K = 88;
    static final int JSGE64_X = 89;
    static final int JSGE32_K = 90;
    static final int JSGE32_X = 91;
    static final int JLT64_K = 92;
    static final int JLT64_X = 93;
    static final int JLT32_K = 94;
    static final int JLT32_X = 95;
    static final int JLE64_K = 96;
    static final int JLE64_X = 97;
    static final int JLE32_K = 98;
    static final int JLE32_X = 99;
    static final int JSLT64_K = 100;
    static final int JSLT64_X = 101;
    static final int JSLT32_K = 102;
    static final int JSLT32_X = 103;
    static final int JSLE64_K = 104;
    static final int JSLE64_X = 105;
    static final int JSLE32_K = 106;
    static final int JSLE32_X = 107;

    // Calls and exit.
    static final int CALL_HELPER = 108;
    static final int CALLX = 109;
    static final int TAIL_CALL = 110;
    static final int CALL_LOCAL = 111;
    static final int EXIT = 112;

    // Loads and stores: the offset is in off; ST takes its value from imm; LD_PKT its size from off.
    static final int LDDW = 113;
    static final int LD_PKT = 114;
    static final int LDX_B = 115;
    static final int LDX_H = 116;
    static final int LDX_W = 117;
    static final int LDX_DW = 118;
    static final int LDSX_B = 119;
    static final int LDSX_H = 120;
    static final int LDSX_W = 121;
    static final int ST_B = 122;
    static final int ST_H = 123;
    static final int ST_W = 124;
    static final int ST_DW = 125;
    static final int STX_B = 126;
    static final int STX_H = 127;
    static final int STX_W = 128;
    static final int STX_DW = 129;
    static final int ATOMIC_W = 130;
    static final int ATOMIC_DW = 131;

    /** The number of operation codes. */
    static final int COUNT = 132;

    private Op() {
    }
}
