package dev.ebpfjvm.core.helpers;

import dev.ebpfjvm.core.Errno;
import dev.ebpfjvm.core.exec.ProgramContext;
import dev.ebpfjvm.core.memory.Memory;
import java.nio.charset.StandardCharsets;

/**
 * {@code bpf_trace_printk} (kernel/trace/bpf_trace.c) and {@code bpf_snprintf}
 * (kernel/bpf/helpers.c), v6.18, over the format language of {@link Bprintf}. Trace lines go to
 * {@link dev.ebpfjvm.core.exec.Environment#trace()} without their final newline.
 */
public final class PrintHelpers {
    /** {@code MAX_BPRINTF_BUF}: the longest trace line, its NUL included. */
    public static final int MAX_BUF = 1024;
    /** {@code MAX_TRACE_PRINTK_VARARGS}. */
    static final int TRACE_PRINTK_ARGS = 3;
    /** {@code MAX_BPRINTF_VARARGS}. */
    static final int SNPRINTF_ARGS = 12;

    private PrintHelpers() {}

    /**
     * {@code long bpf_trace_printk(const char *fmt, u32 fmt_size, ...)}: prints up to three
     * arguments; returns the length of the formatted text, or -EINVAL for a bad format or one
     * without a NUL in its {@code fmt_size} bytes.
     */
    public static long tracePrintk(ProgramContext ctx, long fmt, long fmtSize, long a1, long a2, long a3) {
        Memory memory = ctx.memory();
        int size = (int) Math.min(fmtSize & 0xffffffffL, Integer.MAX_VALUE);
        int len = CStrings.length(memory, fmt, size);
        if (len < 0 || len == size) {
            return Errno.EINVAL.negative();
        }
        long[] error = new long[1];
        String text = Bprintf.format(memory, memory.read(fmt, len), len, new long[] {a1, a2, a3}, error);
        if (text == null) {
            return error[0];
        }
        String line = text.length() >= MAX_BUF ? text.substring(0, MAX_BUF - 1) : text;
        ctx.environment().trace().accept(line.endsWith("\n") ? line.substring(0, line.length() - 1) : line);
        return text.length();
    }

    /**
     * {@code long bpf_snprintf(char *str, u32 str_size, const char *fmt, u64 *data, u32 data_len)}:
     * formats {@code data_len / 8} arguments into {@code str}, cut to {@code str_size - 1} bytes
     * and NUL-terminated; returns the untruncated length plus one. -EINVAL for a bad format or a
     * {@code data_len} that is not a multiple of 8, over 96, or given with a NULL {@code data}.
     */
    public static long snprintf(ProgramContext ctx, long str, long strSize, long fmt, long data, long dataLen) {
        long n = dataLen & 0xffffffffL;
        if (n % 8 != 0 || n > SNPRINTF_ARGS * 8 || (n != 0 && data == 0)) {
            return Errno.EINVAL.negative();
        }
        Memory memory = ctx.memory();
        long[] args = new long[(int) n / 8];
        if (n != 0) {
            byte[] raw = memory.read(data, (int) n);
            java.nio.ByteBuffer.wrap(raw)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .asLongBuffer()
                    .get(args);
        }
        int len = CStrings.length(memory, fmt, Integer.MAX_VALUE);
        if (len < 0) {
            return Errno.EINVAL.negative();
        }
        long[] error = new long[1];
        String text = Bprintf.format(memory, memory.read(fmt, len), len, args, error);
        if (text == null) {
            return error[0];
        }
        int cap = (int) Math.min(strSize & 0xffffffffL, Integer.MAX_VALUE);
        if (cap > 0) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            int copy = Math.min(bytes.length, cap - 1);
            byte[] out = java.util.Arrays.copyOf(bytes, copy + 1);
            out[copy] = 0;
            memory.write(str, out, 0, copy + 1);
        }
        return text.length() + 1L;
    }
}
