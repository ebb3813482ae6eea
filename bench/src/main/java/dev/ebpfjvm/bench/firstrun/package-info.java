/** Load → first-run time of fresh synthetic programs of 100 to 10,000 instructions, per engine. */
package dev.ebpfjvm.bench.firstrun;
