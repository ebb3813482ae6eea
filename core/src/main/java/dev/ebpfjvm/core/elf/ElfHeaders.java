package dev.ebpfjvm.core.elf;

import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.UnsupportedFeatureException;
import dev.ebpfjvm.core.btf.StringTable;
import dev.ebpfjvm.core.memory.LittleEndian;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Reads the ELF header and the section header table, checking that the file is an ELF64
 * little-endian relocatable BPF object and that every section's bytes lie inside the file.
 * Mirrors the checks of libbpf's bpf_object__elf_init() and elf_collect() (src/libbpf.c).
 */
final class ElfHeaders {
    private static final int ELFCLASS64 = 2;
    private static final int ELFDATA2LSB = 1;
    private static final int ELFDATA2MSB = 2;
    private static final int SHN_XINDEX = 0xffff;

    private final List<ElfSection> sections;

    private ElfHeaders(List<ElfSection> sections) {
        this.sections = sections;
    }

    List<ElfSection> sections() {
        return sections;
    }

    static ElfHeaders read(byte[] bytes) {
        checkIdent(bytes);
        int type = (int) LittleEndian.getU16(bytes, 16);
        int machine = (int) LittleEndian.getU16(bytes, 18);
        if (type != ElfFile.ET_REL) {
            throw header("e_type " + type + " is not ET_REL: not a relocatable object");
        }
        if (machine != ElfFile.EM_BPF) {
            throw header("e_machine " + machine + " is not EM_BPF (247)");
        }
        long shoff = LittleEndian.getU64(bytes, 40);
        int shentsize = (int) LittleEndian.getU16(bytes, 58);
        int shnum = (int) LittleEndian.getU16(bytes, 60);
        int shstrndx = (int) LittleEndian.getU16(bytes, 62);
        if (shnum == 0 || shstrndx == SHN_XINDEX) {
            throw header("no section headers (or extended section numbering, which BPF objects never need)");
        }
        if (shentsize != ElfFile.SECTION_HEADER_SIZE) {
            throw header("e_shentsize " + shentsize + " is not 64");
        }
        if (shoff < 0 || shoff > bytes.length || (long) shnum * ElfFile.SECTION_HEADER_SIZE > bytes.length - shoff) {
            throw header("section header table (" + shnum + " entries at offset " + shoff
                    + ") lies outside the file of " + bytes.length + " bytes");
        }
        if (shstrndx == 0 || shstrndx >= shnum) {
            throw header("e_shstrndx " + shstrndx + " out of range (have " + shnum + " sections)");
        }
        List<RawSection> raw = new ArrayList<>(shnum);
        for (int i = 0; i < shnum; i++) {
            raw.add(new RawSection(i, bytes, (int) shoff + i * ElfFile.SECTION_HEADER_SIZE));
        }
        RawSection names = raw.get(shstrndx);
        if (names.type != ElfSection.SHT_STRTAB) {
            throw header("e_shstrndx " + shstrndx + " is not a string table (type " + names.type + ")");
        }
        names.checkInFile(bytes, ".shstrtab");
        StringTable shstrtab = new StringTable(
                ".shstrtab", Arrays.copyOfRange(bytes, (int) names.offset, (int) (names.offset + names.size)));
        List<ElfSection> sections = new ArrayList<>(shnum);
        for (RawSection r : raw) {
            String name = r.index == 0 ? "" : shstrtab.at(r.name);
            r.checkInFile(bytes, name);
            sections.add(new ElfSection(r.index, name, r.type, r.flags, r.offset, r.size, r.link, r.info, r.entsize));
        }
        return new ElfHeaders(Collections.unmodifiableList(sections));
    }

    private static void checkIdent(byte[] bytes) {
        // The magic first: a text file or an empty one is "not an ELF file", whatever its length.
        if (bytes.length < 4 || bytes[0] != 0x7f || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F') {
            throw new MalformedObjectException(null, "not an ELF file (no \\x7fELF magic)");
        }
        if (bytes.length < ElfFile.HEADER_SIZE) {
            throw header("truncated ELF header: " + bytes.length + " bytes, need " + ElfFile.HEADER_SIZE);
        }
        if (bytes[4] != ELFCLASS64) {
            throw header("EI_CLASS " + bytes[4] + " is not ELFCLASS64");
        }
        if (bytes[5] == ELFDATA2MSB) {
            throw new UnsupportedFeatureException("big-endian BPF objects (bpfeb) are not supported");
        }
        if (bytes[5] != ELFDATA2LSB) {
            throw header("EI_DATA " + bytes[5] + " is neither little- nor big-endian");
        }
        if (bytes[6] != 1 || LittleEndian.getU32(bytes, 20) != 1) {
            throw header("ELF version is not EV_CURRENT (1)");
        }
    }

    private static MalformedObjectException header(String reason) {
        return new MalformedObjectException(null, "ELF header: " + reason);
    }

    /** A section header before its name is known. */
    private static final class RawSection {
        final int index;
        final long name;
        final int type;
        final long flags;
        final long offset;
        final long size;
        final int link;
        final int info;
        final long entsize;

        RawSection(int index, byte[] b, int at) {
            this.index = index;
            this.name = LittleEndian.getU32(b, at);
            this.type = (int) LittleEndian.getU32(b, at + 4);
            this.flags = LittleEndian.getU64(b, at + 8);
            this.offset = LittleEndian.getU64(b, at + 24);
            this.size = LittleEndian.getU64(b, at + 32);
            this.link = (int) LittleEndian.getU32(b, at + 40);
            this.info = (int) LittleEndian.getU32(b, at + 44);
            this.entsize = LittleEndian.getU64(b, at + 56);
        }

        /** Checks that the header's numbers are in range and its bytes lie inside the file. */
        void checkInFile(byte[] bytes, String name) {
            if (index == 0) {
                return;
            }
            if (size < 0 || link < 0 || info < 0 || entsize < 0) {
                throw new MalformedObjectException(name, "size, link, info or entry size out of range");
            }
            boolean inFile = type == ElfSection.SHT_NOBITS
                    || (offset >= 0 && offset <= bytes.length && size <= bytes.length - offset);
            if (!inFile) {
                throw new MalformedObjectException(
                        name,
                        "contents [" + Long.toUnsignedString(offset) + ", +" + Long.toUnsignedString(size)
                                + ") lie outside the file of " + bytes.length + " bytes");
            }
        }
    }
}
