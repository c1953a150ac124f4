package io.github.camelupload.reliability;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelupload.emulators.AbstractEmulator;
import io.github.camelupload.emulators.ClickHelpEmulator;
import io.github.camelupload.emulators.ContentIslandEmulator;
import io.github.camelupload.emulators.Fault;
import io.github.camelupload.emulators.RecordedRequest;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM uploading a 300 MiB file is killed with SIGKILL in the middle of a chunk; a new JVM with the same
 * {@code FileStateRepository} must finish the upload byte-identical, re-sending at most one chunk and without
 * starting a new upload session.
 * <p>
 * The chunk after a few confirmed ones is stalled by the emulator, so the kill always lands while that chunk is being
 * sent, the worst moment: the server may keep part of it, the state file only knows the chunks before it.
 */
@Tag("soak")
class CrashResumeTest {

    static final long SIZE = 300L * 1024 * 1024;
    /** The request during which the first JVM dies. */
    static final int KILLED_CHUNK = 8;
    static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void clickHelpUploadKilledMidChunkResumesInANewJvm() throws Exception {
        long chunk = 10L * 1024 * 1024;
        try (ClickHelpEmulator clickhelp = new ClickHelpEmulator(dir.resolve("emulator")).start()) {
            Path file = TestFiles.seeded(dir.resolve("manual.bin"), SIZE, 300);
            clickhelp.faults().onNth("PUT", KILLED_CHUNK, Fault.stall(Duration.ofSeconds(3)));
            String uri = "clickhelp:storage/crash/manual.bin?portalUrl=" + clickhelp.portalUrl() + "&username="
                         + clickhelp.username() + "&apiKey=RAW(" + clickhelp.apiKey() + ")&chunkSize=" + chunk;

            killMidway(clickhelp, uri, file, 1 + KILLED_CHUNK);
            assertThat(clickhelp.journal().requests(r -> r.method().equals("PUT") && r.status() == 202))
                    .as("chunks stored before the kill").hasSize(KILLED_CHUNK - 1);
            assertThat(clickhelp.fileInfo("crash/manual.bin")).isEmpty();
            int before = clickhelp.journal().size();

            runToCompletion(uri, file);

            List<RecordedRequest> resumed = clickhelp.journal().requests().subList(before, clickhelp.journal().size());
            assertThat(resumed).as("the second JVM resumes: no new session").noneMatch(r -> r.method().equals("POST"));
            assertThat(resumed.get(0).header("Content-Range"))
                    .as("it starts at the last offset the first JVM saved").startsWith("bytes " + (KILLED_CHUNK - 1) * chunk + "-");
            assertThat(clickhelp.fileInfo("crash/manual.bin").orElseThrow().sha256()).isEqualTo(TestFiles.sha256(file));
            long sent = clickhelp.journal().requests("PUT").stream().mapToLong(RecordedRequest::bodyBytes).sum();
            System.out.printf("CRASH-RESUME clickhelp: %d bytes, %d sent in total, %d re-sent (chunk %d)%n", SIZE, sent,
                    sent - SIZE, chunk);
            assertThat(sent - SIZE).as("bytes sent twice").isLessThanOrEqualTo(chunk);
            assertThat(clickhelp.unfinishedUploads()).isEmpty();
        }
    }

    @Test
    void contentIslandUploadKilledMidChunkResumesInANewJvm() throws Exception {
        long chunk = 8L * 1024 * 1024;
        try (ContentIslandEmulator contentisland = new ContentIslandEmulator(dir.resolve("emulator")).start()) {
            Path file = TestFiles.seeded(dir.resolve("video.bin"), SIZE, 301);
            contentisland.faults().onNth("POST", KILLED_CHUNK, Fault.stall(Duration.ofSeconds(3)));
            String uri = "contentisland:upload?baseUrl=" + contentisland.baseUrl() + "&token=RAW("
                         + contentisland.writeToken() + ")&uploadMode=chunked&chunkSize=" + chunk;

            killMidway(contentisland, uri, file, KILLED_CHUNK);
            assertThat(contentisland.journal().requests(r -> r.status() == 201))
                    .as("chunks stored before the kill").hasSize(KILLED_CHUNK - 1);
            assertThat(contentisland.unfinishedUploads()).hasSize(1);
            String uploadId = contentisland.unfinishedUploads().iterator().next();
            int before = contentisland.journal().size();

            runToCompletion(uri, file);

            List<RecordedRequest> resumed = contentisland.journal().requests().subList(before, contentisland.journal().size());
            assertThat(resumed.get(0).chunkOptions()).as("the second JVM continues the same upload at the killed chunk")
                    .contains("\"chunkIndex\":" + (KILLED_CHUNK - 1)).contains(uploadId);
            RecordedRequest last = contentisland.journal().last();
            assertThat(last.status()).isEqualTo(201);
            assertThat(contentisland.storedResources()).hasSize(1);
            String name = contentisland.storedResources().iterator().next();
            assertThat(contentisland.resourceInfo(name).orElseThrow().sha256()).isEqualTo(TestFiles.sha256(file));
            long sent = contentisland.journal().requests().stream().mapToLong(RecordedRequest::bodyBytes).sum();
            long framing = contentisland.journal().size() * 2048L; // multipart boundaries, headers and chunkOptions
            System.out.printf("CRASH-RESUME contentisland: %d bytes, %d sent in total (multipart framing included), "
                              + "%d re-sent at most (chunk %d)%n", SIZE, sent, sent - SIZE, chunk);
            assertThat(sent - SIZE).as("bytes sent twice").isLessThanOrEqualTo(chunk + framing);
            assertThat(contentisland.unfinishedUploads()).isEmpty();
        }
    }

    /** Starts the first JVM, kills it (SIGKILL) once request {@code killAt} arrived, waits until the server is quiet. */
    private void killMidway(AbstractEmulator emulator, String uri, Path file, int killAt) throws Exception {
        Process first = child(uri, file, "first");
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (emulator.faults().requestCount() < killAt) {
            assertThat(first.isAlive()).as("the first JVM is still uploading; its output: " + output("first")).isTrue();
            assertThat(System.nanoTime()).as("request " + killAt + " arrives in time").isLessThan(deadline);
            Thread.sleep(5);
        }
        first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally block runs
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("killed, not finished").isEqualTo(137);
        // the stalled request ends (with the client gone) a few seconds later; its bytes must be accounted for first
        emulator.journal().awaitSize(emulator.faults().requestCount(), Duration.ofSeconds(30));
    }

    private void runToCompletion(String uri, Path file) throws Exception {
        Process second = child(uri, file, "second");
        assertThat(second.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("the second JVM finishes").isTrue();
        assertThat(second.exitValue()).as("the second JVM's output: " + output("second")).isZero();
        assertThat(output("second")).contains("UPLOAD-DONE");
    }

    /** A JVM with this test's classpath and a small heap (the body must not be buffered). */
    private Process child(String uri, Path file, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                UploadChild.class.getName(), uri, file.toString(), dir.resolve("upload-state.txt").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    private String output(String name) throws Exception {
        File log = dir.resolve(name + ".log").toFile();
        return log.exists() ? Files.readString(log.toPath()) : "";
    }
}
