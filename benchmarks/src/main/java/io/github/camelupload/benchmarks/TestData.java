package io.github.camelupload.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files the benchmark uploads: pseudo-random (incompressible) bytes from a fixed seed, written once under a data
 * folder and kept between runs; their SHA-256 is remembered in a side file, so a rerun does not hash 2 GiB again.
 */
final class TestData {

    private final Path dir;
    private final Map<Path, String> sha256 = new ConcurrentHashMap<>();

    TestData(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    /** A file of {@code size} bytes named {@code name}, created if missing or of another size. */
    Path file(String name, long size) throws IOException {
        Path file = dir.resolve(name);
        Path shaFile = dir.resolve(name + ".sha256");
        if (!Files.isRegularFile(file) || Files.size(file) != size || !Files.isRegularFile(shaFile)) {
            write(file, size, name.hashCode());
            Files.writeString(shaFile, hash(file));
        }
        sha256.put(file, Files.readString(shaFile).trim());
        return file;
    }

    String sha256(Path file) {
        String sha = sha256.get(file);
        if (sha == null) {
            throw new IllegalArgumentException("not a benchmark file: " + file);
        }
        return sha;
    }

    Path dir() {
        return dir;
    }

    private static void write(Path file, long size, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; ) {
                buffer.clear();
                while (buffer.remaining() >= 8) {
                    buffer.putLong(random.nextLong());
                }
                int n = (int) Math.min(buffer.capacity(), left);
                out.write(buffer.array(), 0, n);
                left -= n;
            }
        }
    }

    static String hash(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
