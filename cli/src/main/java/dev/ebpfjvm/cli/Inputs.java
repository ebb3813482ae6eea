package dev.ebpfjvm.cli;

import dev.ebpfjvm.core.EbpfException;
import dev.ebpfjvm.core.InputFiles;
import dev.ebpfjvm.core.elf.ObjectReader;
import dev.ebpfjvm.core.elf.ObjectSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the files the commands are given, turning every failure into a {@link CliException} of one
 * line that names the file and the reason ({@code x.o: no such file}, {@code cases/: is a
 * directory, not a file}, {@code /dev/zero: not a regular file}, {@code p.asm: not UTF-8 text})
 * instead of a JDK exception's text. Objects are read up to {@link InputFiles#MAX_OBJECT_BYTES},
 * text up to {@link InputFiles#MAX_TEXT_BYTES}.
 */
final class Inputs {
    private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};

    private Inputs() {}

    /**
     * {@return the bytes of a regular file of at most {@code maxBytes}} A directory, a device
     * ({@code /dev/zero}), a FIFO or a larger file is a one-line error, read no further.
     */
    static byte[] bytes(Path file, long maxBytes) {
        try {
            return InputFiles.read(file, maxBytes);
        } catch (NoSuchFileException e) {
            throw new CliException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new CliException(file + ": permission denied");
        } catch (FileSystemException e) {
            throw new CliException(file + ": cannot read" + (e.getReason() != null ? ": " + e.getReason() : ""), e);
        } catch (IOException e) {
            String m = e.getMessage();
            throw new CliException(m != null && m.startsWith(file + ": ") ? m : file + ": cannot read", e);
        }
    }

    /**
     * {@return the text of a UTF-8 file}
     *
     * @param expected what the file should hold, for the message about an ELF object given instead
     */
    static String text(Path file, String expected) {
        byte[] bytes = bytes(file, InputFiles.MAX_TEXT_BYTES);
        if (isElf(bytes)) {
            throw new CliException(file + ": an ELF object, not " + expected);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CliException(file + ": not UTF-8 text (" + expected + " expected)");
        }
    }

    /** {@return the spec of an object file; a file that does not parse names itself and the reason} */
    static ObjectSpec object(Path file) {
        byte[] bytes = bytes(file, InputFiles.MAX_OBJECT_BYTES);
        try {
            return ObjectReader.read(bytes);
        } catch (EbpfException e) {
            throw new CliException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@return a command-line argument as a path} Registered as picocli's converter for
     * {@link Path}, so that a string no file system accepts is a usage error without JDK text.
     */
    static Path path(String arg) {
        try {
            return Path.of(arg);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("not a valid path: '" + arg.replace("\0", "\\0") + "'");
        }
    }

    /** {@return a directory, checked to be one} */
    static Path directory(Path dir) {
        if (!Files.exists(dir)) {
            throw new CliException(dir + ": no such directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new CliException(dir + ": not a directory");
        }
        return dir;
    }

    private static boolean isElf(byte[] bytes) {
        if (bytes.length < ELF_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < ELF_MAGIC.length; i++) {
            if (bytes[i] != ELF_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }
}
