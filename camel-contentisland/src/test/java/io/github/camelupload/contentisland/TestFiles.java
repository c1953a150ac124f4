package io.github.camelupload.contentisland;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

/** Test data: seeded pseudo-random content, written to files in blocks (never whole in memory), and digests. */
final class TestFiles {

    static final long MIB = 1024L * 1024L;
    static final long FIVE_MIB = 5 * MIB;

    private TestFiles() {
    }

    /** The build points java.io.tmpdir at target/test-tmp, which has to exist before anything uses it. */
    static void ensureTempDir() {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of {@code size} bytes of seeded content. */
    static Path create(Path dir, String name, long size, long seed) throws IOException {
        Path file = dir.resolve(name);
        Random random = new Random(seed);
        byte[] block = new byte[(int) Math.min(MIB, Math.max(size, 1))];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return file;
    }

    /** {@code size} bytes of seeded content in memory (small bodies only). */
    static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = digest("SHA-256");
            byte[] buffer = new byte[256 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-256").digest(bytes));
    }

    /** The S3-style ETag (quoted hex MD5) of the bytes {@code [offset, offset + length)} of a file. */
    static String etag(Path file, long offset, long length) {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            MessageDigest digest = digest("MD5");
            byte[] buffer = new byte[256 * 1024];
            for (long left = length; left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                digest.update(buffer, 0, n);
                left -= n;
            }
            return "\"" + HexFormat.of().formatHex(digest.digest()) + "\"";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String etag(byte[] bytes, int offset, int length) {
        return "\"" + HexFormat.of().formatHex(digest("MD5").digest(Arrays.copyOfRange(bytes, offset, offset + length))) + "\"";
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
