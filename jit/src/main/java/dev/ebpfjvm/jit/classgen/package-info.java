/**
 * Program classes: their layout ({@link dev.ebpfjvm.jit.classgen.ProgramClassGenerator}), their
 * definition as unloadable hidden classes with class data
 * ({@link dev.ebpfjvm.jit.classgen.HiddenClasses}), and their textified dump
 * ({@link dev.ebpfjvm.jit.classgen.BytecodeDump}).
 */
package dev.ebpfjvm.jit.classgen;
