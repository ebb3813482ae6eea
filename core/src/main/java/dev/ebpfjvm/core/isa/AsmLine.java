package dev.ebpfjvm.core.isa;

import dev.ebpfjvm.core.InvalidProgramException;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of assembler text, split into an optional label, a mnemonic and its operands, with the
 * parsers for each kind of operand. Every parse error names the line.
 *
 * <p>Tokens are separated by whitespace and commas; whitespace inside {@code [...]} is dropped, so
 * {@code [%r1 + 4]} reads as {@code [%r1+4]}. A {@code #} starts a comment. Numbers are decimal or
 * {@code 0x} hexadecimal, optionally signed: a hex literal may spell the bit pattern of a negative
 * field value ({@code 0xffffffff} is imm -1), a decimal one must fit the field's signed range, as
 * the bpf_conformance assembler requires.
 */
final class AsmLine {
    /** A memory operand {@code [%rN+off]}. */
    record Mem(int reg, int off) {}

    private final int number;
    private final String label;
    private final List<String> tokens;
    private String labelRef;

    private AsmLine(int number, String label, List<String> tokens) {
        this.number = number;
        this.label = label;
        this.tokens = tokens;
    }

    /** {@return the line parsed, or null when it holds nothing but blanks and comments} */
    static AsmLine parse(int number, String text) {
        int hash = text.indexOf('#');
        List<String> tokens = tokenize(number, hash < 0 ? text : text.substring(0, hash));
        if (tokens.isEmpty()) {
            return null;
        }
        String label = null;
        if (tokens.get(0).endsWith(":")) {
            label = tokens.remove(0);
            label = label.substring(0, label.length() - 1);
            if (!isIdentifier(label)) {
                throw InvalidProgramException.atLine(number, "invalid label name '" + label + "'");
            }
        }
        return new AsmLine(number, label, tokens);
    }

    private static List<String> tokenize(int number, String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inBracket = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inBracket) {
                if (c == '[') {
                    throw InvalidProgramException.atLine(number, "nested '[' in memory operand");
                }
                inBracket = c != ']';
                if (!Character.isWhitespace(c)) {
                    cur.append(c);
                }
            } else if (c == ',' || Character.isWhitespace(c)) {
                flush(cur, out);
            } else {
                inBracket = c == '[';
                cur.append(c);
            }
        }
        if (inBracket) {
            throw InvalidProgramException.atLine(number, "missing ']' in memory operand");
        }
        flush(cur, out);
        return out;
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (cur.length() > 0) {
            out.add(cur.toString());
            cur.setLength(0);
        }
    }

    static boolean isIdentifier(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_' || s.charAt(0) == '.')) {
            return false;
        }
        return s.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '.');
    }

    int number() {
        return number;
    }

    /** {@return the label defined on this line, or null} */
    String label() {
        return label;
    }

    /** {@return true when the line holds an instruction (not only a label)} */
    boolean hasInsn() {
        return !tokens.isEmpty();
    }

    String mnemonic() {
        return tokens.get(0);
    }

    /** {@return the number of operands after the mnemonic} */
    int operandCount() {
        return tokens.size() - 1;
    }

    /** {@return operand i (0-based) as written} */
    String operand(int i) {
        return tokens.get(i + 1);
    }

    /** {@return the label a jump operand named, or null when targets were numeric} */
    String labelRef() {
        return labelRef;
    }

    InvalidProgramException error(String reason) {
        return InvalidProgramException.atLine(number, reason);
    }

    /** Checks the operand count; {@code shape} spells the expected operands for the message. */
    void expect(String what, int count, String shape) {
        if (operandCount() != count) {
            throw error("wrong number of operands for '" + what + "': expected " + count
                    + (shape.isEmpty() ? "" : " (" + shape + ")") + ", got " + operandCount());
        }
    }

    boolean isRegister(int i) {
        return operand(i).startsWith("%");
    }

    /** {@return operand i as a register number, %r0 to %r10} */
    int register(int i) {
        return register(operand(i));
    }

    private int register(String s) {
        if (s.startsWith("%r")
                && s.length() > 2
                && s.length() <= 4
                && s.substring(2).chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(s.substring(2));
            if (n <= Reg.R10 && (n == 0 || s.charAt(2) != '0')) {
                return n;
            }
        }
        throw error("invalid register '" + s + "' (expected %r0 to %r10)");
    }

    /** {@return operand i as a 32-bit immediate} */
    int imm32(int i) {
        return (int) number(operand(i), 32, "immediate");
    }

    /** {@return operand i as a 64-bit immediate (lddw)} */
    long imm64(int i) {
        return number(operand(i), 64, "immediate");
    }

    /** {@return operand i as a memory operand {@code [%rN]}, {@code [%rN+off]} or {@code [%rN-off]}} */
    Mem memory(int i) {
        String s = operand(i);
        if (!s.startsWith("[") || !s.endsWith("]")) {
            throw error("expected a memory operand [%rN+off], got '" + s + "'");
        }
        String inner = s.substring(1, s.length() - 1);
        int sign = Math.max(inner.indexOf('+'), inner.indexOf('-'));
        if (sign < 0) {
            return new Mem(register(inner), 0);
        }
        return new Mem(register(inner.substring(0, sign)), (int) number(inner.substring(sign), 16, "offset"));
    }

    /**
     * Reads a jump target: {@code +N}/{@code -N} slots, or a label, remembered for {@link #labelRef()}
     * and resolved by the assembler once every label is known.
     *
     * @param bits the width of the field that holds the offset: 16 (off) or 32 (imm)
     * @return the offset, or 0 for a label
     */
    int target(int i, int bits) {
        String s = operand(i);
        if (s.startsWith("+") || s.startsWith("-")) {
            return (int) number(s, bits, "jump offset");
        }
        if (!isIdentifier(s)) {
            throw error("invalid jump target '" + s + "' (expected a label, +N or -N)");
        }
        labelRef = s;
        return 0;
    }

    /**
     * Parses a number for a field of {@code bits} bits: decimal values must fit the signed range,
     * hexadecimal ones may also give the unsigned bit pattern; 64-bit decimals may be unsigned too.
     */
    long number(String s, int bits, String what) {
        boolean negative = s.startsWith("-");
        String digits = negative || s.startsWith("+") ? s.substring(1) : s;
        boolean hex = digits.startsWith("0x") || digits.startsWith("0X");
        long magnitude;
        try {
            if (digits.startsWith("+") || digits.startsWith("-")) {
                throw new NumberFormatException(s);
            }
            magnitude = Long.parseUnsignedLong(hex ? digits.substring(2) : digits, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            throw error("invalid " + what + " '" + s + "' (expected a decimal or 0x hex number)");
        }
        long signedLimit = 1L << (bits - 1);
        boolean fits = negative
                ? Long.compareUnsigned(magnitude, signedLimit) <= 0
                : bits == 64 || Long.compareUnsigned(magnitude, hex ? 2 * signedLimit - 1 : signedLimit - 1) <= 0;
        if (!fits) {
            throw error(what + " out of " + bits + "-bit range: " + s);
        }
        long value = negative ? -magnitude : magnitude;
        return bits == 64 ? value : value << (64 - bits) >> (64 - bits);
    }
}
