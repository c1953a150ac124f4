package io.github.camelupload.clickhelp;

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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.github.camelupload.emulators.ClickHelpEmulator;
import io.github.camelupload.emulators.ClickHelpEmulatorExtension;
import io.github.camelupload.emulators.RecordedRequest;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An emulator per test class (reset before each test), a fresh CamelContext per test, and helpers. */
abstract class ClickHelpTestSupport {

    static final int CHUNK = ClickHelpConfiguration.MAX_CHUNK_SIZE;
    static final long MIB = 1024 * 1024;

    @RegisterExtension
    static ClickHelpEmulatorExtension clickhelp = new ClickHelpEmulatorExtension();

    @TempDir
    Path tempDir;

    CamelContext context;
    ProducerTemplate template;

    @BeforeEach
    void startCamel() throws Exception {
        context = new DefaultCamelContext();
        configureContext(context);
        context.start();
        template = context.createProducerTemplate();
    }

    /** Routes, beans: before the context starts. */
    void configureContext(CamelContext context) throws Exception {
    }

    @AfterEach
    void stopCamel() throws Exception {
        if (context != null) {
            context.stop();
        }
        awaitQuiet(); // a stalled request must not end up in the next test's journal
    }

    /** Waits until every request the emulator received is journaled (a stalled one is journaled when it ends). */
    void awaitQuiet() throws Exception {
        emulator().journal().awaitSize(emulator().faults().requestCount() - clearedRequests,
                java.time.Duration.ofSeconds(30));
    }

    private int clearedRequests;

    /** Forgets the requests so far (the faults and their numbering stay). */
    void clearJournal() throws Exception {
        awaitQuiet();
        clearedRequests += emulator().journal().size();
        emulator().journal().clear();
    }

    /** Resets the emulator as the extension does: journal, faults, uploads in progress, stored files. */
    void resetEmulator() throws Exception {
        awaitQuiet();
        emulator().reset();
        clearedRequests = 0;
    }

    ClickHelpEmulator emulator() {
        return clickhelp.emulator();
    }

    /** The emulator's portal with the right credentials, fast retries; {@code options} are appended ("&a=b"). */
    String uri(String path, String options) {
        return "clickhelp:storage/" + path + "?portalUrl=" + emulator().portalUrl() + "&username=" + clickhelp.username()
               + "&apiKey=RAW(" + clickhelp.apiKey() + ")&retryDelay=1&maxRetryDelay=20" + options;
    }

    String uri(String path) {
        return uri(path, "");
    }

    /** Sends {@code body} with {@code headers} to {@code uri}; the exchange comes back with its exception, if any. */
    Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            if (headers != null) {
                exchange.getMessage().getHeaders().putAll(headers);
            }
        });
    }

    Exchange send(String uri, Object body) {
        return send(uri, body, null);
    }

    List<RecordedRequest> requests(String method) {
        return emulator().journal().requests(method);
    }

    /** The Content-Range headers of the PUTs the emulator saw, in order. */
    List<String> putRanges() {
        return requests("PUT").stream().map(r -> r.header("Content-Range")).toList();
    }

    /** The Content-Range sequence of an undisturbed upload of {@code size} bytes in chunks of {@code chunk}. */
    static List<String> expectedRanges(long size, long chunk, boolean totalKnown) {
        List<String> ranges = new ArrayList<>();
        for (long offset = 0; offset < size; offset += chunk) {
            long end = Math.min(size, offset + chunk);
            boolean last = end == size;
            ranges.add("bytes " + offset + "-" + (end - 1) + "/" + (totalKnown || last ? Long.toString(size) : "*"));
        }
        return ranges;
    }

    /** A file of {@code size} pseudo-random bytes from {@code seed} (xorshift: fast, reproducible). */
    Path seededFile(String name, long size, long seed) throws IOException {
        Path file = tempDir.resolve(name);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] block = new byte[(int) Math.min(size, MIB)];
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
                while (buffer.hasRemaining()) {
                    buffer.put((byte) state);
                    state >>>= 8;
                }
                int n = (int) Math.min(left, block.length);
                out.write(block, 0, n);
                left -= n;
            }
        }
        return file;
    }

    static byte[] seededBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 the emulator computed for a stored file; fails when the file is not there. */
    String storedSha256(String storagePath) {
        return emulator().fileInfo(storagePath)
                .orElseThrow(() -> new AssertionError(storagePath + " is not stored; journal: " + emulator().journal()))
                .sha256();
    }

    /** Total request-body bytes of the PUTs the emulator saw. */
    long putBytes() {
        return requests("PUT").stream().mapToLong(RecordedRequest::bodyBytes).sum();
    }
}
