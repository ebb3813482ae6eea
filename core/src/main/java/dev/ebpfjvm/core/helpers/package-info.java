/**
 * Helper functions both engines call ({@link dev.ebpfjvm.core.helpers.MapHelpers} for maps and ring
 * buffers), and the table of kernel helper ids and names ({@link dev.ebpfjvm.core.helpers.HelperId})
 * for the disassembler, the verifier's prototypes and later helper families.
 */
package dev.ebpfjvm.core.helpers;
