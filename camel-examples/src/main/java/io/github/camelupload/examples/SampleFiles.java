package io.github.camelupload.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Writes sample files quickly (a 300 MB file in a second or two) and remembers their SHA-256. */
public final class SampleFiles {

    private static final int BLOCK = 1024 * 1024;

    private SampleFiles() {
    }

    /** Writes {@code size} bytes of seeded pseudo-random content; every MiB differs. Returns the SHA-256 (hex). */
    public static String write(Path file, long size, long seed) throws IOException {
        byte[] block = new byte[BLOCK];
        new Random(seed).nextBytes(block);
        Files.createDirectories(file.getParent());
        MessageDigest sha = sha256();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
            long written = 0;
            for (long index = 0; written < size; index++) {
                for (int i = 0; i < 8; i++) {
                    block[i] = (byte) (index >>> (8 * i)); // makes every block unique: a misplaced chunk shows
                }
                int length = (int) Math.min(BLOCK, size - written);
                out.write(block, 0, length);
                written += length;
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    public static String sha256Of(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
            Files.copy(file, out);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
