package dev.ebpfjvm.core.verifier;

import static dev.ebpfjvm.core.verifier.VerifierTestSupport.ARRAY;
import static dev.ebpfjvm.core.verifier.VerifierTestSupport.HASH;
import static dev.ebpfjvm.core.verifier.VerifierTestSupport.LOCKED;
import static dev.ebpfjvm.core.verifier.VerifierTestSupport.RINGBUF;
import static dev.ebpfjvm.core.verifier.VerifierTestSupport.RODATA;
import static dev.ebpfjvm.core.verifier.VerifierTestSupport.accepts;
import static dev.ebpfjvm.core.verifier.VerifierTestSupport.mapAt;
import static dev.ebpfjvm.core.verifier.VerifierTestSupport.rejects;
import static dev.ebpfjvm.core.verifier.VerifierTestSupport.tc;
import static dev.ebpfjvm.core.verifier.VerifierTestSupport.valueAt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ebpfjvm.core.elf.ProgramType;
import dev.ebpfjvm.core.isa.Insn;
import dev.ebpfjvm.core.isa.Instructions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One program per check, built from assembler text, each asserting the kernel's message. */
class VerifierChecksTest {
    /** Instructions the assembler would refuse (it validates), built field by field. */
    private static VerifierInput raw(Insn... insns) {
        return VerifierInput.of("test", ProgramType.SCHED_CLS, new Instructions(List.of(insns)));
    }

    @Test
    void uninitialisedRegisterRead() {
        rejects(tc("mov %r0, %r2\nexit"), "R2 !read_ok");
    }

    @Test
    void exitWithoutR0() {
        VerifierException e = rejects(tc("exit"), "R0 !read_ok");
        assertEquals(0, e.index());
    }

    @Test
    void writeToFramePointer() {
        rejects(
                raw(Insn.of(0xb7, 10, 0, 0, 0), Insn.of(0xb7, 0, 0, 0, 0), Insn.of(0x95, 0, 0, 0, 0)),
                "frame pointer is read only");
    }

    @Test
    void unreachableInstruction() {
        rejects(tc("mov %r0, 0\nexit\nmov %r0, 1\nexit"), "unreachable insn 2");
    }

    @Test
    void jumpOutOfRange() {
        rejects(
                raw(Insn.of(0xb7, 0, 0, 0, 0), Insn.of(0x05, 0, 0, 5, 0), Insn.of(0x95, 0, 0, 0, 0)),
                "jump out of range from insn 1 to 7");
    }

    @Test
    void divisionByZeroImmediate() {
        rejects(tc("mov %r0, 1\ndiv %r0, 0\nexit"), "div by zero");
    }

    @Test
    void stackBelowFrame() {
        rejects(tc("stdw [%r10-520], 0\nmov %r0, 0\nexit"), "invalid write to stack R10 off=-520 size=8");
    }

    @Test
    void stackMisaligned() {
        rejects(tc("stxdw [%r10-4], %r1\nmov %r0, 0\nexit"), "misaligned stack access off (0x0; 0x0)+0+-4 size 8");
    }

    @Test
    void stackSpillKeepsPointerType() {
        accepts(tc("stxdw [%r10-8], %r1\nldxdw %r2, [%r10-8]\nldxw %r0, [%r2+0]\nexit"));
    }

    @Test
    void uninitialisedStackReadAllowedPrivileged() {
        accepts(tc("ldxdw %r0, [%r10-16]\nexit"));
    }

    @ParameterizedTest
    @CsvSource({
        "ldxdw %r0 [%r1+0], invalid bpf_context access off=0 size=8",
        "ldxw %r0 [%r1+2], invalid bpf_context access off=2 size=4",
        "ldxw %r0 [%r1+88], invalid bpf_context access off=88 size=4"
    })
    void contextReadRejected(String insn, String message) {
        rejects(tc(insn.replace("%r0 ", "%r0, ") + "\nexit"), message);
    }

    @Test
    void contextWriteOnlyToWritableFields() {
        accepts(tc("stw [%r1+8], 1\nmov %r0, 0\nexit"));
        rejects(tc("stw [%r1+0], 1\nmov %r0, 0\nexit"), "invalid bpf_context access off=0 size=4");
    }

    @Test
    void modifiedContextPointer() {
        rejects(tc("add %r1, 4\nldxw %r0, [%r1+0]\nexit"), "dereference of modified ctx ptr R1 off=4 disallowed");
    }

    @Test
    void packetAccessNeedsRangeCheck() {
        rejects(tc("ldxw %r2, [%r1+76]\nldxb %r0, [%r2+0]\nexit"), "invalid access to packet, off=0 size=1");
        accepts(tc(String.join(
                "\n",
                "ldxw %r2, [%r1+76]",
                "ldxw %r3, [%r1+80]",
                "mov %r4, %r2",
                "add %r4, 14",
                "jgt %r4, %r3, out",
                "ldxb %r0, [%r2+13]",
                "exit",
                "out:",
                "mov %r0, 0",
                "exit")));
    }

    @Test
    void packetEndArithmeticProhibited() {
        rejects(tc("ldxw %r3, [%r1+80]\nadd %r3, 1\nmov %r0, 0\nexit"), "R3 pointer arithmetic on pkt_end prohibited");
    }

    private static final String LOOKUP =
            String.join("\n", "stw [%r10-4], 0", "mov %r2, %r10", "add %r2, -4", "lddw %r1, 0", "call 1");

    @Test
    void mapValueNeedsNullCheck() {
        rejects(tc(LOOKUP + "\nldxdw %r0, [%r0+0]\nexit", mapAt(3, HASH)), "R0 invalid mem access 'map_value_or_null'");
    }

    @Test
    void mapValueBounds() {
        String checked = LOOKUP + "\njeq %r0, 0, out\nldxw %r0, [%r0+%s]\nexit\nout:\nmov %r0, 0\nexit";
        accepts(tc(checked.replace("%s", "4"), mapAt(3, HASH)));
        rejects(
                tc(checked.replace("%s", "8"), mapAt(3, HASH)),
                "invalid access to map value, value_size=8 off=8 size=4");
    }

    @Test
    void constantKeyArrayLookupIsNonNull() {
        accepts(tc(LOOKUP + "\nldxdw %r0, [%r0+0]\nexit", mapAt(3, ARRAY)));
    }

    @Test
    void helperArgumentType() {
        rejects(tc("mov %r1, 0\nmov %r2, 0\ncall 1\nexit"), "R1 type=scalar expected=map_ptr");
    }

    @Test
    void helperNotAllowedForProgramType() {
        rejects(tc("call 14\ncall 16\nexit"), "program of this type cannot use helper bpf_get_current_comm#16");
    }

    @Test
    void callerSavedRegistersClobbered() {
        rejects(tc("mov %r1, 1\ncall 5\nmov %r0, %r1\nexit"), "R1 !read_ok");
    }

    @Test
    void pointerArithmeticOnMapPointer() {
        rejects(
                tc("lddw %r1, 0\nadd %r1, 8\nmov %r0, 0\nexit", mapAt(0, HASH)),
                "R1 pointer arithmetic on map_ptr prohibited");
    }

    @Test
    void bitwiseOnPointer() {
        rejects(tc("mov %r2, %r10\nand %r2, 7\nmov %r0, 0\nexit"), "R2 bitwise operator &= on pointer prohibited");
    }

    @Test
    void pointer32BitArithmetic() {
        rejects(tc("mov %r2, %r10\nadd32 %r2, 7\nmov %r0, 0\nexit"), "R2 32-bit pointer arithmetic prohibited");
    }

    @Test
    void ringbufReservationMustBeReleased() {
        String reserve = "lddw %r1, 0\nmov %r2, 8\nmov %r3, 0\ncall 131\n";
        rejects(tc(reserve + "mov %r0, 0\nexit", mapAt(0, RINGBUF)), "Unreleased reference id=1 alloc_insn=4");
        accepts(tc(
                reserve
                        + "jeq %r0, 0, out\nstdw [%r0+0], 1\nmov %r1, %r0\nmov %r2, 0\ncall 132\nout:\nmov %r0, 0\nexit",
                mapAt(0, RINGBUF)));
        rejects(
                tc(
                        reserve
                                + "jeq %r0, 0, out\nstdw [%r0+8], 1\nmov %r1, %r0\nmov %r2, 0\ncall 132\nout:\nmov %r0, 0\nexit",
                        mapAt(0, RINGBUF)),
                "invalid access to memory, mem_size=8 off=8 size=8");
    }

    @Test
    void tailCallNeedsProgArray() {
        rejects(
                tc("lddw %r2, 0\nmov %r3, 0\ncall 12\nmov %r0, 0\nexit", mapAt(0, HASH)),
                "expected prog array map for tail call");
    }

    @Test
    void rodataReadOnlyAndConstant() {
        rejects(
                tc("lddw %r1, 0\nstw [%r1+0], 1\nmov %r0, 0\nexit", valueAt(0, RODATA, 0)),
                "write into map forbidden, value_size=8 off=0 size=4");
        VerifiedProgram vp = accepts(
                tc("lddw %r1, 0\nldxw %r0, [%r1+0]\njeq %r0, 7, done\nmov %r0, 1\ndone:\nexit", valueAt(0, RODATA, 0)));
        assertEquals(7, vp.constantAt(2).getAsLong());
        assertEquals(true, vp.isDead(4));
    }

    @Test
    void infiniteLoop() {
        rejects(tc("mov %r0, 0\nloop:\nja loop"), "infinite loop detected at insn 1");
    }

    @Test
    void boundedLoopAccepted() {
        VerifiedProgram vp = accepts(tc("mov %r0, 0\nloop:\nadd %r0, 1\njlt %r0, 10, loop\nexit"));
        assertEquals(true, vp.stats().processed() > 20);
    }

    @Test
    void sameInsnDifferentPointers() {
        rejects(
                tc(String.join(
                        "\n",
                        "mov %r2, %r10",
                        "add %r2, -8",
                        "stdw [%r2+0], 0",
                        "ldxw %r3, [%r1+0]",
                        "jeq %r3, 0, use",
                        "mov %r2, %r1",
                        "use:",
                        "ldxw %r0, [%r2+0]",
                        "exit")),
                "same insn cannot be used with different pointers");
    }

    @Test
    void calleeSeesOnlyArguments() {
        rejects(tc("mov %r6, 1\ncall local sub\nexit\nsub:\nmov %r0, %r6\nexit"), "R6 !read_ok");
        accepts(tc("mov %r1, 1\ncall local sub\nexit\nsub:\nmov %r0, %r1\nexit"));
    }

    @Test
    void callStackTooDeep() {
        StringBuilder b = new StringBuilder("call local f1\nexit\n");
        for (int i = 1; i <= 8; i++) {
            b.append("f").append(i).append(":\n");
            b.append(i < 8 ? "call local f" + (i + 1) + "\n" : "mov %r0, 0\n").append("exit\n");
        }
        rejects(tc(b.toString()), "the call stack of 9 frames is too deep");
    }

    @Test
    void combinedStackTooLarge() {
        rejects(
                tc(String.join(
                        "\n",
                        "stdw [%r10-256], 0",
                        "call local sub",
                        "exit",
                        "sub:",
                        "stdw [%r10-288], 0",
                        "mov %r0, 0",
                        "exit")),
                "combined stack size of 2 calls is 544. Too large");
    }

    @Test
    void nullCheckAgainstRegisterHoldingZeroDoesNotCount() {
        rejects(
                tc(
                        LOOKUP + "\nmov %r1, 0\njeq %r0, %r1, out\nldxw %r0, [%r0+0]\nexit\nout:\nmov %r0, 0\nexit",
                        mapAt(3, HASH)),
                "R0 invalid mem access 'map_value_or_null'");
    }

    private static final String LOCKED_VALUE = LOOKUP + "\njeq %r0, 0, out\nmov %r6, %r0\nmov %r1, %r6\n";

    @Test
    void spinLockRules() {
        String unlock = "mov %r1, %r6\ncall 94\n";
        String tail = "out:\nmov %r0, 0\nexit";
        accepts(tc(
                LOCKED_VALUE + "call 93\nstw [%r6+8], 1\n" + unlock + "mov %r0, 0\nexit\n" + tail, mapAt(3, LOCKED)));
        rejects(
                tc(LOCKED_VALUE + "call 93\nmov %r0, 0\nexit\n" + tail, mapAt(3, LOCKED)),
                "BPF_EXIT instruction in main prog cannot be used inside bpf_spin_lock-ed region");
        rejects(
                tc(LOCKED_VALUE + "call 93\ncall 5\n" + unlock + "mov %r0, 0\nexit\n" + tail, mapAt(3, LOCKED)),
                "function calls are not allowed while holding a lock");
        rejects(
                tc(LOCKED_VALUE + "call 94\nmov %r0, 0\nexit\n" + tail, mapAt(3, LOCKED)),
                "bpf_spin_unlock without taking a lock");
        rejects(
                tc(LOCKED_VALUE + "call 93\nstw [%r6+0], 1\n" + unlock + "mov %r0, 0\nexit\n" + tail, mapAt(3, LOCKED)),
                "bpf_spin_lock cannot be accessed directly by load/store");
        rejects(
                tc(LOCKED_VALUE + "call 93\n" + unlock + "mov %r0, 0\nexit\n" + tail, mapAt(3, HASH)),
                "map 'hash' has no valid bpf_spin_lock");
    }

    @Test
    void callbackReturnRange() {
        String prog =
                "mov %r1, 4\nlddw %r2, 0\nmov %r3, 0\nmov %r4, 0\ncall 181\nmov %r0, 0\nexit\ncb:\nmov %r0, %s\nexit";
        // the BPF_PSEUDO_FUNC lddw at slot 1 points at the callback at slot 8 (imm = 8 - 1 - 1)
        String func = prog.replace("lddw %r2, 0", "lddw %r2, 6, func");
        accepts(tc(func.replace("%s", "1")));
        rejects(tc(func.replace("%s", "2")), "should have been in [0, 1]");
    }

    @Test
    void globalFunctionsCheckedAgainstTheirPrototype() {
        String prog = "%s\ncall local g\nexit\ng:\n%s\nexit";
        List<GlobalFunc> ctxArg = List.of(new GlobalFunc(3, "g", List.of(new GlobalFunc.Arg(GlobalFunc.Kind.CTX, 0))));
        accepts(tc(String.format(prog, "mov %r1, %r1", "ldxw %r0, [%r1+0]")).withGlobalFuncs(ctxArg));
        rejects(
                tc(String.format(prog, "mov %r1, %r10", "ldxw %r0, [%r1+0]")).withGlobalFuncs(ctxArg),
                "arg#0 expects pointer to ctx");
        // g starts at slot 5 after three setup instructions, the call and exit
        List<GlobalFunc> memArg = List.of(new GlobalFunc(5, "g", List.of(new GlobalFunc.Arg(GlobalFunc.Kind.MEM, 4))));
        String stackArg = "stw [%r10-4], 1\nmov %r1, %r10\nadd %r1, -4";
        rejects(
                tc(String.format(prog, stackArg, "ldxw %r0, [%r1+0]")).withGlobalFuncs(memArg),
                "R1 invalid mem access 'mem_or_null'");
        accepts(tc(String.format(prog, stackArg, "mov %r0, 0\njeq %r1, 0, +1\nldxw %r0, [%r1+0]"))
                .withGlobalFuncs(memArg));
        List<GlobalFunc> scalarArg =
                List.of(new GlobalFunc(3, "g", List.of(new GlobalFunc.Arg(GlobalFunc.Kind.SCALAR, 0))));
        rejects(
                tc(String.format(prog, "mov %r1, %r10", "mov %r0, %r1")).withGlobalFuncs(scalarArg),
                "R1 is not a scalar");
    }
}
