package io.github.camelupload.benchmarks;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.camelupload.emulators.ClickHelpEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness's guard: figures only count when the counting emulator got exactly the source's bytes. A file that
 * changes after its SHA-256 was taken (i.e. an upload that delivered other bytes) must fail the check.
 */
class UploadVerificationTest {

    @TempDir
    Path dir;

    @Test
    void aCorruptedUploadIsCaught() throws Exception {
        TestData data = new TestData(dir.resolve("data"));
        Path file = data.file("file.bin", 3 * 1024 * 1024 + 5);
        BlockingQueue<EmulatorProcess.Stored> reports = new LinkedBlockingQueue<>();
        try (ClickHelpEmulator emulator = new ClickHelpEmulator(dir.resolve("emulator")).countingOnly(true).start()) {
            emulator.onStored(f -> reports.add(new EmulatorProcess.Stored("clickhelp", f.size(), f.sha256(), f.name())));
            ClientSpec spec = new ClientSpec("httpclient", "clickhelp", "chunked", 1024 * 1024, "file",
                    emulator.portalUrl(), List.of(), List.of(), false);
            try (Uploader uploader = new BareClickHelpUploader(spec)) {
                uploader.upload(file, "file.bin");
                EmulatorProcess.Stored intact = reports.poll(10, TimeUnit.SECONDS);
                assertThatCode(() -> EmulatorProcess.check(intact, "clickhelp", file, data)).doesNotThrowAnyException();

                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap(new byte[] {42}), 2 * 1024 * 1024 + 1); // one byte in chunk 3
                }
                uploader.upload(file, "file.bin");
                EmulatorProcess.Stored corrupted = reports.poll(10, TimeUnit.SECONDS);
                assertThatThrownBy(() -> EmulatorProcess.check(corrupted, "clickhelp", file, data))
                        .hasMessageContaining("does not match its source");
            }
        }
    }
}
