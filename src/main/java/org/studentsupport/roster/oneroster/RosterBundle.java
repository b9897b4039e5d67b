package org.studentsupport.roster.oneroster;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A OneRoster CSV bundle: a zip on disk whose files are read as streams, one row at a time, as
 * often as needed. The limits are checked on the entry headers and again on the bytes actually
 * inflated, since headers can lie.
 */
public final class RosterBundle implements AutoCloseable {

    private static final long RATIO_CHECK_FLOOR = 1L << 20;

    private final ZipFile zip;
    private final Limits limits;
    private final Map<String, ZipEntry> byName = new HashMap<>();
    private long declaredBytes;
    private long inflatedThisPass;

    /** The numbers a bundle must stay within. */
    public record Limits(long maxUncompressedBytes, int maxEntries, int maxCompressionRatio) {
    }

    private RosterBundle(ZipFile zip, Limits limits) {
        this.zip = zip;
        this.limits = limits;
    }

    public static RosterBundle open(Path file, Limits limits) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new BundleException("The upload is not a readable zip archive");
        } catch (IOException e) {
            throw new BundleException("The upload could not be read as a zip archive");
        }
        RosterBundle bundle = new RosterBundle(zip, limits);
        try {
            bundle.index();
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
        return bundle;
    }

    private void index() {
        if (zip.size() > limits.maxEntries()) {
            throw new BundleException("The zip holds " + zip.size() + " entries; at most " + limits.maxEntries() + " are accepted");
        }
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory()) {
                continue;
            }
            String name = entry.getName();
            String base = name.substring(name.lastIndexOf('/') + 1);
            if (base.startsWith(".") || name.startsWith("__MACOSX/")) {
                continue;
            }
            if (byName.putIfAbsent(base, entry) != null) {
                throw new BundleException("The zip holds two files named " + base);
            }
            long size = entry.getSize();
            long compressed = entry.getCompressedSize();
            if (size > 0) {
                declaredBytes += size;
                if (size > RATIO_CHECK_FLOOR && compressed > 0 && size / compressed > limits.maxCompressionRatio()) {
                    throw bomb(base);
                }
            }
        }
        if (declaredBytes > limits.maxUncompressedBytes()) {
            throw tooLarge();
        }
    }

    public boolean has(String fileName) {
        return byName.containsKey(fileName);
    }

    /** The uncompressed size the zip declares for its files (used for progress). */
    public long declaredBytes() {
        return declaredBytes;
    }

    /** Starts a new read of the bundle: the uncompressed-size limit applies to each read of all files. */
    public void newPass() {
        inflatedThisPass = 0;
    }

    public long inflatedThisPass() {
        return inflatedThisPass;
    }

    /**
     * A reader over one file, decoding strict UTF-8 (a malformed byte fails the read with
     * {@link java.nio.charset.MalformedInputException}) and skipping a byte-order mark.
     */
    public Reader open(String fileName) throws IOException {
        ZipEntry entry = byName.get(fileName);
        if (entry == null) {
            throw new IllegalArgumentException(fileName + " is not in the bundle");
        }
        InputStream in = new BufferedInputStream(new Guarded(zip.getInputStream(entry), fileName, entry.getCompressedSize()), 1 << 16);
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF)) {
            in.reset();
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    }

    private BundleException bomb(String fileName) {
        return new BundleException(fileName + " expands more than " + limits.maxCompressionRatio()
                + " times its compressed size; the zip looks like a zip bomb and was not read");
    }

    private BundleException tooLarge() {
        return new BundleException("The files in the zip are larger than " + limits.maxUncompressedBytes()
                + " bytes uncompressed, the configured limit");
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    /** Counts the inflated bytes and stops at the size and ratio limits. */
    private final class Guarded extends FilterInputStream {

        private final String fileName;
        private final long compressed;
        private long read;

        Guarded(InputStream in, String fileName, long compressed) {
            super(in);
            this.fileName = fileName;
            this.compressed = Math.max(1, compressed);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            inflatedThisPass += n;
            if (inflatedThisPass > limits.maxUncompressedBytes()) {
                throw tooLarge();
            }
            if (read > RATIO_CHECK_FLOOR && read / compressed > limits.maxCompressionRatio()) {
                throw bomb(fileName);
            }
        }
    }
}
