package io.github.camelupload.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulators stream bodies to disk: run them from {@link EmulatorsMain} in a child JVM with a 256 MiB heap and
 * push a 1 GiB ClickHelp upload and a 400,000,000-byte simple ContentIsland upload through them. The sender
 * generates its bytes on the fly, so neither side ever holds a file.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EmulatorsMainMemoryTest {

    private static final long ONE_GIB = 1024L * 1024 * 1024;
    private static final int CHUNK = 10 * 1024 * 1024;
    private static final long SIMPLE_SIZE = 400_000_000L;

    @TempDir
    Path storage;

    private Process child;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> output = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startChild() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        child = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"),
                EmulatorsMain.class.getName(), "--storage", storage.toString())
                .redirectErrorStream(true)
                .start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    output.add(line);
                    lines.add(line);
                }
            } catch (IOException e) {
                output.add("reader: " + e);
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    @AfterEach
    void stopChild() throws Exception {
        child.destroy();
        if (!child.waitFor(20, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void bigUploadsGoThroughA256MibHeap() throws Exception {
        String ready = awaitLine("EMULATORS-READY ", Duration.ofSeconds(60));
        String clickHelpUrl = field(ready, "clickhelp");
        String contentIslandUrl = field(ready, "contentisland");

        String clickHelpSha = uploadOneGibToClickHelp(clickHelpUrl);
        String stored = awaitLine("STORED clickhelp ", Duration.ofSeconds(60));
        assertThat(stored).isEqualTo("STORED clickhelp " + ONE_GIB + " " + clickHelpSha + " big/one gib.bin");
        Path clickHelpFile = storage.resolve("clickhelp/storage/big/one gib.bin");
        assertThat(Files.size(clickHelpFile)).isEqualTo(ONE_GIB);
        Files.delete(clickHelpFile);

        MessageDigest digest = TestHttp.sha256Digest();
        HttpResponse<String> simple = uploadSimpleToContentIsland(contentIslandUrl, digest);
        String contentIslandSha = HexFormat.of().formatHex(digest.digest());
        assertThat(simple.statusCode()).as(simple.body()).isEqualTo(201);
        String name = ContentIslandClient.json(simple).get("name").asText();
        assertThat(awaitLine("STORED contentisland ", Duration.ofSeconds(60)))
                .isEqualTo("STORED contentisland " + SIMPLE_SIZE + " " + contentIslandSha + " " + name);
        Path contentIslandFile = storage.resolve("contentisland/files").resolve(name);
        assertThat(Files.size(contentIslandFile)).isEqualTo(SIMPLE_SIZE);
        Files.delete(contentIslandFile);

        assertThat(child.isAlive()).as("the emulators survived: %s", output).isTrue();
        assertThat(output).noneMatch(line -> line.contains("OutOfMemoryError"));
    }

    private String uploadOneGibToClickHelp(String portalUrl) throws Exception {
        String url = portalUrl + "/api/v1/storage/big/one%20gib.bin";
        String auth = TestHttp.basic(ClickHelpEmulator.DEFAULT_USERNAME, ClickHelpEmulator.DEFAULT_API_KEY);
        HttpResponse<String> started = TestHttp.send(TestHttp.request(url + "?format=resumable&isOverwrite=true")
                .header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(started.statusCode()).isEqualTo(201);

        SeededPattern pattern = new SeededPattern(2024);
        MessageDigest digest = TestHttp.sha256Digest();
        byte[] chunk = new byte[CHUNK];
        for (long from = 0; from < ONE_GIB; from += CHUNK) {
            int length = (int) Math.min(CHUNK, ONE_GIB - from);
            pattern.fill(chunk, length, from);
            digest.update(chunk, 0, length);
            HttpResponse<String> response = TestHttp.send(TestHttp.request(url + "?format=resumable")
                    .header("Authorization", auth)
                    .header("Content-Range", ClickHelpClient.range(from, from + length, ONE_GIB))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk, 0, length))
                    .build());
            boolean last = from + length == ONE_GIB;
            assertThat(response.statusCode()).as("chunk at %d: %s", from, response.body())
                    .isEqualTo(last ? 201 : 202);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private HttpResponse<String> uploadSimpleToContentIsland(String baseUrl, MessageDigest digest) throws Exception {
        String boundary = "----memory-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        SeededPattern pattern = new SeededPattern(400);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(new ByteArrayInputStream(head),
                        new SequenceInputStream(pattern.stream(SIMPLE_SIZE, digest), new ByteArrayInputStream(tail)))),
                head.length + SIMPLE_SIZE + tail.length);
        return TestHttp.CLIENT.send(TestHttp.request(baseUrl + "/resource/upload")
                        .timeout(Duration.ofMinutes(3))
                        .header("Authorization", "Bearer " + ContentIslandEmulator.DEFAULT_WRITE_TOKEN)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new AssertionError("no line starting with '" + prefix + "' within " + timeout
                        + "; the child said: " + output);
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    private static String field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + line);
    }
}
