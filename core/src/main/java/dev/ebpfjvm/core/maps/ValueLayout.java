package dev.ebpfjvm.core.maps;

import java.util.Arrays;

/**
 * How one element's value is laid out in its region, and how values are copied in and out of it.
 * A value takes {@code stride = round_up(value_size, 8)} bytes; a per-CPU value takes one stride
 * per simulated CPU, CPU 0 first, so that the user-space buffer of the syscall (all CPUs' values,
 * each rounded up to 8) is a plain copy of the slot.
 *
 * <p>Copies follow the kernel: a program writes {@code value_size} bytes of its own CPU's value
 * (copy_map_value()); user space writes {@code value_size} bytes of every CPU's value and reads
 * whole strides (bpf_percpu_array_copy(), pcpu_copy_value() in kernel/bpf/hashtab.c).
 */
final class ValueLayout {
    private final int valueSize;
    private final int stride;
    private final int cpus;

    /**
     * @param valueSize the map's value size
     * @param cpus the simulated CPUs for a per-CPU map, 1 otherwise
     */
    ValueLayout(int valueSize, int cpus) {
        this.valueSize = valueSize;
        this.stride = roundUp8(valueSize);
        this.cpus = cpus;
    }

    /** {@return n rounded up to a multiple of 8} */
    static int roundUp8(int n) {
        return (n + 7) & ~7;
    }

    /** {@return the bytes one element occupies in its region} */
    int slotBytes() {
        return stride * cpus;
    }

    /** {@return the offset of a CPU's value within the element} */
    int cpuOffset(int cpu) {
        return cpu * stride;
    }

    /** A program's write: {@code value_size} bytes into one CPU's value. */
    void writeOne(byte[] dst, int slot, int cpu, byte[] src, int srcOff) {
        System.arraycopy(src, srcOff, dst, slot + cpu * stride, valueSize);
    }

    /** A new per-CPU element created by a program: its CPU gets the value, the others zeroes (pcpu_init_value()). */
    void initOne(byte[] dst, int slot, int cpu, byte[] src, int srcOff) {
        Arrays.fill(dst, slot, slot + stride * cpus, (byte) 0);
        writeOne(dst, slot, cpu, src, srcOff);
    }

    /** A user-space write of a per-CPU element: {@code value_size} bytes per CPU from a strided buffer. */
    void writeAll(byte[] dst, int slot, byte[] src) {
        for (int cpu = 0; cpu < cpus; cpu++) {
            System.arraycopy(src, cpu * stride, dst, slot + cpu * stride, valueSize);
        }
    }

    /** A user-space read: value_size bytes, or every CPU's whole stride for a per-CPU element. */
    void read(byte[] src, int slot, boolean percpu, byte[] out) {
        System.arraycopy(src, slot, out, 0, percpu ? stride * cpus : valueSize);
    }
}
