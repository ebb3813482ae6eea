/**
 * The memory model (DESIGN.md): every region a program can point into (stack frames, context,
 * packet, map values, global data) is a {@code byte[]}, and a pointer is a segmented virtual
 * address {@code (regionId << 32) | offset}. Region 0 is never allocated, so NULL is 0.
 */
package dev.ebpfjvm.core.memory;
