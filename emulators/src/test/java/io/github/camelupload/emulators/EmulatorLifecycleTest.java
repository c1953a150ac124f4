package io.github.camelupload.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, stopping, restarting and closing; binding; listeners; the journal's waiting. */
class EmulatorLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void aRestartComesBackOnTheSamePortWithTheUploadStillInProgress() throws Exception {
        try (ClickHelpEmulator emulator = new ClickHelpEmulator(dir).start()) {
            ClickHelpClient client = new ClickHelpClient(emulator);
            byte[] data = TestHttp.randomBytes(2000, 1);
            client.start("r.bin", "format=resumable");
            assertThat(client.putChunk("r.bin", data, 0, 1000).statusCode()).isEqualTo(202);
            int port = emulator.port();

            emulator.stop();
            assertThat(emulator.isRunning()).isFalse();
            assertThatThrownBy(() -> client.putChunk("r.bin", data, 1000, 2000)).isInstanceOf(IOException.class);

            emulator.start();
            assertThat(emulator.port()).isEqualTo(port);
            assertThat(client.putChunk("r.bin", data, 1000, 2000).statusCode()).isEqualTo(201);
            assertThat(emulator.fileInfo("r.bin").orElseThrow().sha256()).isEqualTo(TestHttp.sha256(data));
        }
    }

    @Test
    void listensOnTheConfiguredPortOfLoopbackOnly() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (ContentIslandEmulator emulator = new ContentIslandEmulator(dir, port).start()) {
            assertThat(emulator.port()).isEqualTo(port);
            assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + port + "/api/1.0");
            assertThat(emulator.uploadUrl()).isEqualTo(emulator.baseUrl() + "/resource/upload");
            try (Socket ok = new Socket("127.0.0.1", port)) {
                assertThat(ok.isConnected()).isTrue();
            }
            for (InetAddress other : InetAddress.getAllByName(InetAddress.getLocalHost().getHostName())) {
                if (!other.isLoopbackAddress()) {
                    assertThatThrownBy(() -> new Socket(other, port).close()).as(other.toString())
                            .isInstanceOf(IOException.class);
                }
            }
        }
    }

    @Test
    void theNoArgumentEmulatorsUseATemporaryFolderThatCloseDeletes() {
        ClickHelpEmulator clickHelp = new ClickHelpEmulator().start();
        ContentIslandEmulator contentIsland = new ContentIslandEmulator().start();
        Path clickHelpDir = clickHelp.storageDir();
        Path contentIslandDir = contentIsland.storageDir();
        assertThat(clickHelpDir).isDirectory();
        assertThat(clickHelp.portalUrl()).startsWith("http://127.0.0.1:");
        assertThat(clickHelp.apiUrl()).isEqualTo(clickHelp.portalUrl() + "/api/v1/");

        clickHelp.close();
        contentIsland.close();

        assertThat(clickHelpDir).doesNotExist();
        assertThat(contentIslandDir).doesNotExist();
    }

    @Test
    void aGivenStorageFolderSurvivesClose() throws Exception {
        try (ClickHelpEmulator emulator = new ClickHelpEmulator(dir.resolve("kept")).start()) {
            emulator.seedFile("a.txt", new byte[]{1});
        }
        assertThat(dir.resolve("kept/storage/a.txt")).exists();
    }

    @Test
    void storeListenersHearOfEveryCompletedFile() throws Exception {
        List<StoredFileInfo> heard = new CopyOnWriteArrayList<>();
        try (ClickHelpEmulator clickHelp = new ClickHelpEmulator(dir.resolve("ch")).start();
             ContentIslandEmulator contentIsland = new ContentIslandEmulator(dir.resolve("ci")).start()) {
            clickHelp.onStored(heard::add);
            contentIsland.onStored(heard::add);
            byte[] data = TestHttp.randomBytes(100, 3);

            new ClickHelpClient(clickHelp).upload("x/y.bin", data, 60);
            new ContentIslandClient(contentIsland).simple("z.bin", data);

            assertThat(heard).hasSize(2);
            assertThat(heard.get(0)).isEqualTo(new StoredFileInfo("x/y.bin", clickHelp.storedFile("x/y.bin"), 100,
                    TestHttp.sha256(data)));
            assertThat(heard.get(1).name()).endsWith("-z.bin");
            assertThat(heard.get(1).sha256()).isEqualTo(TestHttp.sha256(data));
        }
    }

    @Test
    void theJournalCanBeAwaited() throws Exception {
        try (ClickHelpEmulator emulator = new ClickHelpEmulator(dir).start()) {
            Thread client = new Thread(() -> {
                try {
                    new ClickHelpClient(emulator).get("nothing", null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            client.start();
            emulator.journal().awaitSize(1, Duration.ofSeconds(10));
            assertThat(emulator.journal().last().status()).isEqualTo(404);
            client.join();
            assertThatThrownBy(() -> emulator.journal().awaitSize(2, Duration.ofMillis(50)))
                    .isInstanceOf(java.util.concurrent.TimeoutException.class);
        }
    }

    @Test
    void fileInfoHashesFilesPutThereByOtherMeans() throws Exception {
        try (ClickHelpEmulator emulator = new ClickHelpEmulator(dir).start()) {
            Path file = emulator.storedFile("manual/put.txt");
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[]{1, 2, 3});

            assertThat(emulator.fileInfo("manual/put.txt").orElseThrow().sha256())
                    .isEqualTo(TestHttp.sha256(new byte[]{1, 2, 3}));
            assertThat(emulator.fileInfo("manual/absent.txt")).isEmpty();
            assertThatThrownBy(() -> emulator.storedFile("../outside")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void mainRefusesUnknownOptionsBeforeStartingAnything() {
        assertThatThrownBy(() -> EmulatorsMain.main(new String[]{"--bogus", "1"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("usage");
        assertThatThrownBy(() -> EmulatorsMain.main(new String[]{"--storage"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
