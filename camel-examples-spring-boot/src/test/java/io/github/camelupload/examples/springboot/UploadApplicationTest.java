package io.github.camelupload.examples.springboot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

import io.github.camelupload.emulators.ClickHelpEmulatorExtension;
import io.github.camelupload.emulators.ContentIslandEmulatorExtension;
import io.github.camelupload.emulators.StoredFileInfo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as a user runs it, with both emulators in-process standing in for the services: files dropped into
 * the inboxes arrive byte-identical, with the portal, credentials and chunk sizes given only as Spring Boot properties.
 */
@SpringBootTest(properties = "camel.springboot.main-run-controller=false")
class UploadApplicationTest {

    @RegisterExtension
    static ClickHelpEmulatorExtension clickhelp = new ClickHelpEmulatorExtension();
    @RegisterExtension
    static ContentIslandEmulatorExtension contentisland = new ContentIslandEmulatorExtension();

    @TempDir
    static Path inbox;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("upload.inbox", () -> inbox.toString());
        registry.add("camel.component.clickhelp.portal-url", clickhelp::portalUrl);
        registry.add("camel.component.clickhelp.username", () -> clickhelp.emulator().username());
        registry.add("camel.component.clickhelp.api-key", () -> clickhelp.emulator().apiKey());
        registry.add("camel.component.clickhelp.chunk-size", () -> "1048576");
        registry.add("camel.component.contentisland.base-url", contentisland::baseUrl);
        registry.add("camel.component.contentisland.token", () -> contentisland.emulator().writeToken());
        registry.add("camel.component.contentisland.upload-mode", () -> "chunked");
        registry.add("camel.component.contentisland.chunk-size", () -> "5242880");
    }

    @Test
    void filesDroppedIntoTheInboxesArriveByteIdentical() throws Exception {
        byte[] manual = randomBytes(3_500_000, 1);
        byte[] video = randomBytes(11_000_000, 2);
        drop("clickhelp", "manual.pdf", manual);
        drop("contentisland", "video.mp4", video);

        StoredFileInfo inClickHelp = await(() -> clickhelp.emulator().fileInfo("camel-upload-demo/manual.pdf"));
        StoredFileInfo inContentIsland = await(() -> contentisland.emulator().storedResources().stream()
                .filter(name -> name.endsWith("video.mp4")).findFirst()
                .flatMap(name -> contentisland.emulator().resourceInfo(name)));

        assertThat(inClickHelp.sha256()).isEqualTo(sha256(manual));
        assertThat(inContentIsland.sha256()).isEqualTo(sha256(video));
        // the chunk sizes came from the properties: 4 PUTs of at most 1 MiB, 3 chunk POSTs of 5 MiB
        assertThat(clickhelp.emulator().journal().requests("PUT")).hasSize(4);
        assertThat(contentisland.emulator().journal().requests("POST")).hasSize(3);
    }

    /** Written beside the inbox, then moved in, so the route never sees a half-written file. */
    private static void drop(String service, String name, byte[] content) throws Exception {
        Path folder = Files.createDirectories(inbox.resolve(service));
        Path staged = Files.write(inbox.resolve(name + ".tmp"), content);
        Files.move(staged, folder.resolve(name));
    }

    private static StoredFileInfo await(Supplier<Optional<StoredFileInfo>> stored) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<StoredFileInfo> info = stored.get();
            if (info.isPresent()) {
                return info.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not stored within 60 s");
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
