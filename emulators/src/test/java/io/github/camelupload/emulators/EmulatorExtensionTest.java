package io.github.camelupload.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extensions: one emulator per class, reset and reconfigured before each test, shared with nested classes. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatorExtensionTest {

    @RegisterExtension
    static ClickHelpEmulatorExtension clickhelp = new ClickHelpEmulatorExtension(e -> e.credentials("ext", "key"));

    @RegisterExtension
    static ContentIslandEmulatorExtension contentisland = new ContentIslandEmulatorExtension();

    private static int clickHelpPort;

    @Test
    @Order(1)
    void startsTheEmulatorsAndInjectsThem(ClickHelpEmulator clickHelp, ContentIslandEmulator contentIsland)
            throws Exception {
        assertThat(clickHelp).isSameAs(clickhelp.emulator());
        assertThat(contentIsland).isSameAs(contentisland.emulator());
        assertThat(clickHelp.isRunning()).isTrue();
        assertThat(clickhelp.username()).isEqualTo("ext");
        assertThat(clickhelp.apiKey()).isEqualTo("key");
        assertThat(contentisland.writeToken()).isEqualTo("test-write-token");
        assertThat(contentisland.baseUrl()).isEqualTo(contentIsland.baseUrl());

        new ClickHelpClient(clickHelp).upload("kept?.txt", new byte[]{1}, 1);
        clickHelp.maxChunkSize(1).startStatus(204);
        contentIsland.writeToken("changed");
        clickhelp.faults().atRequest(1, Fault.status(500));
        clickHelpPort = clickHelp.port();
        assertThat(clickhelp.fileInfo("kept?.txt")).isPresent();
    }

    @Test
    @Order(2)
    void beforeEachTestEverythingIsResetButTheExtensionsConfiguration() throws Exception {
        ClickHelpEmulator clickHelp = clickhelp.emulator();
        assertThat(clickHelp.port()).isEqualTo(clickHelpPort);
        assertThat(clickhelp.journal().size()).isZero();
        assertThat(clickhelp.faults().requestCount()).isZero();
        assertThat(clickhelp.fileInfo("kept?.txt")).isEmpty();
        assertThat(clickHelp.maxChunkSize()).isEqualTo(ClickHelpEmulator.DEFAULT_MAX_CHUNK_SIZE);
        assertThat(clickHelp.startStatus()).isEqualTo(201);
        assertThat(clickHelp.username()).isEqualTo("ext");
        assertThat(contentisland.writeToken()).isEqualTo("test-write-token");
        assertThat(new ClickHelpClient(clickHelp).start("a.txt", "format=resumable").statusCode()).isEqualTo(201);
    }

    @Nested
    class Inner {
        @Test
        void sharesTheOuterEmulator() {
            assertThat(clickhelp.emulator().isRunning()).isTrue();
            assertThat(clickhelp.journal().size()).isZero();
        }
    }
}
