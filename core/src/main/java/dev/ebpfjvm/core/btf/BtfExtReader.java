package dev.ebpfjvm.core.btf;

import dev.ebpfjvm.core.MalformedObjectException;
import dev.ebpfjvm.core.memory.LittleEndian;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code .BTF.ext}: function and line information (CO-RE relocations are skipped). The
 * strings live in the {@code .BTF} string table, so the {@link BtfSpec} is needed.
 *
 * <pre>
 *  struct btf_ext_header: | magic:16 | version:8 | flags:8 | hdr_len:32 |
 *                         | func_info_off:32 | func_info_len:32 | line_info_off:32 | line_info_len:32 | …
 *  each info block:  | rec_size:32 | { sec_name_off:32 | num_info:32 | num_info × rec_size bytes } … |
 *  func info record: | insn_off:32 (bytes) | type_id:32 |
 *  line info record: | insn_off:32 (bytes) | file_name_off:32 | line_off:32 | line_col:32 = line:22 col:10 |
 * </pre>
 *
 * Mirrors btf_ext_parse_hdr() and btf_ext_setup_info() in libbpf's btf.c in what it accepts:
 * records at least as large as the structs above (larger ones are read by their prefix).
 */
public final class BtfExtReader {
    /** The section name, used in every error. */
    public static final String SECTION = ".BTF.ext";

    private static final int MIN_HEADER = 24;

    private final byte[] data;
    private final BtfSpec btf;

    private BtfExtReader(byte[] data, BtfSpec btf) {
        this.data = data;
        this.btf = btf;
    }

    /**
     * Parses a {@code .BTF.ext} section.
     *
     * @param section the section's bytes (not kept)
     * @param btf the object's {@code .BTF}, whose strings the records name
     * @throws MalformedObjectException naming {@code .BTF.ext} when anything does not parse
     */
    public static BtfExt read(byte[] section, BtfSpec btf) {
        byte[] data = section.clone();
        if (data.length < MIN_HEADER) {
            throw malformed("truncated header: " + data.length + " bytes, need " + MIN_HEADER);
        }
        if (LittleEndian.getU16(data, 0) != BtfReader.MAGIC || data[2] != 1) {
            throw malformed(String.format("bad magic 0x%04x or version %d", LittleEndian.getU16(data, 0), data[2]));
        }
        long hdrLen = LittleEndian.getU32(data, 4);
        if (hdrLen < MIN_HEADER || hdrLen > data.length) {
            throw malformed("header length " + hdrLen + " outside 24.." + data.length);
        }
        BtfExtReader reader = new BtfExtReader(data, btf);
        Map<String, List<FuncInfo>> funcs = reader.readBlock("func info", (int) hdrLen, 8, 8, reader::funcInfo);
        Map<String, List<LineInfo>> lines = reader.readBlock("line info", (int) hdrLen, 16, 16, reader::lineInfo);
        return new BtfExt(funcs, lines);
    }

    /** Reads one record at a byte position. */
    private interface RecordParser<T> {
        T parse(int at);
    }

    private <T> Map<String, List<T>> readBlock(
            String what, int hdrLen, int headerField, int minRecord, RecordParser<T> parser) {
        long off = LittleEndian.getU32(data, headerField);
        long len = LittleEndian.getU32(data, headerField + 4);
        Map<String, List<T>> out = new HashMap<>();
        if (len == 0) {
            return out;
        }
        long start = hdrLen + off;
        long end = start + len;
        if (end > data.length || len < 4) {
            throw malformed(what + " [" + off + ", +" + len + ") outside the section of " + data.length + " bytes");
        }
        long recSize = LittleEndian.getU32(data, (int) start);
        if (recSize < minRecord || recSize % 4 != 0 || recSize > len) {
            throw malformed(what + ": record size " + recSize + " (need at least " + minRecord + ", a multiple of 4)");
        }
        int pos = (int) start + 4;
        while (pos < end) {
            if (pos + 8 > end) {
                throw malformed(what + ": truncated section header at offset " + pos);
            }
            String sec = string(LittleEndian.getU32(data, pos));
            long count = LittleEndian.getU32(data, pos + 4);
            pos += 8;
            if (count == 0 || count * recSize > end - pos) {
                throw malformed(
                        what + " of section '" + sec + "': " + count + " records of " + recSize + " bytes do not fit");
            }
            List<T> list = out.computeIfAbsent(sec, k -> new ArrayList<>());
            for (long i = 0; i < count; i++, pos += (int) recSize) {
                list.add(parser.parse(pos));
            }
        }
        return out;
    }

    private FuncInfo funcInfo(int at) {
        return new FuncInfo(slotOf(at), typeId(at + 4));
    }

    private LineInfo lineInfo(int at) {
        long lineCol = LittleEndian.getU32(data, at + 12);
        return new LineInfo(
                slotOf(at),
                string(LittleEndian.getU32(data, at + 4)),
                string(LittleEndian.getU32(data, at + 8)),
                (int) (lineCol >>> 10),
                (int) (lineCol & 0x3ff));
    }

    /** A string of the .BTF string table named by this section: a bad offset is this section's fault. */
    private String string(long offset) {
        if (offset >= btf.strings().size()) {
            throw malformed("string offset " + offset + " outside the .BTF string table of "
                    + btf.strings().size() + " bytes");
        }
        return btf.strings().at(offset);
    }

    private int slotOf(int at) {
        long insnOff = LittleEndian.getU32(data, at);
        if (insnOff % 8 != 0) {
            throw malformed("record at offset " + at + ": instruction offset " + insnOff + " is not a multiple of 8");
        }
        return (int) (insnOff / 8);
    }

    private int typeId(int at) {
        long id = LittleEndian.getU32(data, at);
        if (id >= btf.typeCount() || btf.type((int) id).kind() != BtfKind.FUNC) {
            throw malformed("func info at offset " + at + ": type [" + id + "] is not a FUNC");
        }
        return (int) id;
    }

    private static MalformedObjectException malformed(String reason) {
        return new MalformedObjectException(SECTION, reason);
    }
}
