package io.github.camelupload.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reproducible test files and the SHA-256 the emulators compute, to compare sent and stored bytes. */
final class TestFiles {

    private static final int BLOCK = 1024 * 1024;

    private TestFiles() {
    }

    /** Writes {@code size} pseudo-random bytes derived from {@code seed} (xorshift: fast, same bytes every run). */
    static Path seeded(Path file, long size, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] block = new byte[(int) Math.max(8, Math.min(size, BLOCK))];
            ByteBuffer buffer = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
            long state = seed * 0x9E3779B97F4A7C15L + 1;
            long left = size;
            while (left > 0) {
                buffer.clear();
                while (buffer.remaining() >= 8) {
                    state ^= state << 13;
                    state ^= state >>> 7;
                    state ^= state << 17;
                    buffer.putLong(state);
                }
                int n = (int) Math.min(left, block.length);
                out.write(block, 0, n);
                left -= n;
            }
        }
        return file;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
