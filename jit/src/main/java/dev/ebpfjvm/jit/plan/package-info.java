/**
 * What the JIT decides before it emits a byte: the functions of a program
 * ({@link dev.ebpfjvm.jit.plan.Functions}), the region each memory access hits
 * ({@link dev.ebpfjvm.core.facts.MemoryFacts}, from a verifier or
 * {@link dev.ebpfjvm.jit.plan.RegionInference}), register liveness, which constants go to the
 * constant pool, and how each function is cut into methods under HotSpot's 8000-byte limit
 * ({@link dev.ebpfjvm.jit.plan.SizeModel}, {@link dev.ebpfjvm.jit.plan.ProgramPlan}).
 */
package dev.ebpfjvm.jit.plan;
