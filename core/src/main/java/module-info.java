/**
 * ebpf-jvm's core: the ISA, the ELF/BTF loader, maps, helpers, the interpreter, the memory model
 * and the runtime that owns them. No dependency beyond the JDK.
 */
module dev.ebpfjvm.core {
    exports dev.ebpfjvm.core;
    exports dev.ebpfjvm.core.asm;
    exports dev.ebpfjvm.core.btf;
    exports dev.ebpfjvm.core.conformance;
    exports dev.ebpfjvm.core.elf;
    exports dev.ebpfjvm.core.exec;
    exports dev.ebpfjvm.core.facts;
    exports dev.ebpfjvm.core.helpers;
    exports dev.ebpfjvm.core.interp;
    exports dev.ebpfjvm.core.isa;
    exports dev.ebpfjvm.core.load;
    exports dev.ebpfjvm.core.maps;
    exports dev.ebpfjvm.core.memory;
    exports dev.ebpfjvm.core.net;
    exports dev.ebpfjvm.core.net.scenario;
    exports dev.ebpfjvm.core.net.topology;
    exports dev.ebpfjvm.core.pcap;
    exports dev.ebpfjvm.core.runtime;
    exports dev.ebpfjvm.core.skb;
    exports dev.ebpfjvm.core.testrun;
    exports dev.ebpfjvm.core.verifier;

    uses dev.ebpfjvm.core.exec.Engine;
    uses dev.ebpfjvm.core.net.ChainCompiler;

    provides dev.ebpfjvm.core.exec.Engine with
            dev.ebpfjvm.core.interp.Interpreter;
}
