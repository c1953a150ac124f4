package io.github.camelupload.contentisland.springboot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import io.github.camelupload.contentisland.ContentIslandComponent;
import io.github.camelupload.contentisland.ContentIslandConfiguration;
import io.github.camelupload.contentisland.ContentIslandConstants;
import io.github.camelupload.contentisland.ContentIslandEndpoint;
import io.github.camelupload.contentisland.ContentIslandUploadMode;
import io.github.camelupload.emulators.ContentIslandEmulatorExtension;
import io.github.camelupload.support.progress.UploadProgressListener;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** camel.component.contentisland.* properties reach the component and its endpoints, and uploads work on them alone. */
class ContentIslandStarterTest {

    private static final long FIVE_MIB = 5L * 1024 * 1024;

    @RegisterExtension
    static ContentIslandEmulatorExtension contentisland = new ContentIslandEmulatorExtension();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, ContentIslandComponentConverter.class,
                    ContentIslandComponentAutoConfiguration.class));

    private ApplicationContextRunner withEmulator() {
        return runner.withPropertyValues("camel.component.contentisland.base-url=" + contentisland.baseUrl(),
                "camel.component.contentisland.token=" + contentisland.emulator().writeToken());
    }

    private static ContentIslandComponent component(org.springframework.context.ApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent("contentisland", ContentIslandComponent.class);
    }

    @Test
    void everyKindOfOptionBindsToTheComponent() {
        withEmulator().withPropertyValues("camel.component.contentisland.upload-mode=chunked",
                "camel.component.contentisland.chunk-size=6291456",
                "camel.component.contentisland.simple-upload-limit=1000",
                "camel.component.contentisland.file-name=report.pdf", "camel.component.contentisland.max-retries=1",
                "camel.component.contentisland.allow-insecure-http=true").run(context -> {
                    assertThat(context).hasNotFailed();
                    ContentIslandConfiguration config = component(context).getConfiguration();
                    assertThat(config.getBaseUrl()).isEqualTo(contentisland.baseUrl());
                    assertThat(config.getToken()).isEqualTo(contentisland.emulator().writeToken());
                    assertThat(config.getUploadMode()).isEqualTo(ContentIslandUploadMode.chunked);
                    assertThat(config.getChunkSize()).isEqualTo(6291456L);
                    assertThat(config.getSimpleUploadLimit()).isEqualTo(1000L);
                    assertThat(config.getFileName()).isEqualTo("report.pdf");
                    assertThat(config.getMaxRetries()).isEqualTo(1);
                    assertThat(config.isAllowInsecureHttp()).isTrue();
                    // options not set keep the component's own defaults
                    assertThat(config.getConnectTimeout()).isEqualTo(10000L);
                });
    }

    @Test
    void componentOptionsAreEndpointDefaultsAndEndpointOptionsOverrideThem() {
        withEmulator().withPropertyValues("camel.component.contentisland.upload-mode=chunked",
                "camel.component.contentisland.chunk-size=" + FIVE_MIB).run(context -> {
                    CamelContext camel = context.getBean(CamelContext.class);
                    ContentIslandConfiguration plain = camel
                            .getEndpoint("contentisland:upload", ContentIslandEndpoint.class).getConfiguration();
                    ContentIslandConfiguration overriding = camel.getEndpoint(
                            "contentisland:upload?uploadMode=simple&token=other-token", ContentIslandEndpoint.class)
                            .getConfiguration();

                    assertThat(plain.getUploadMode()).isEqualTo(ContentIslandUploadMode.chunked);
                    assertThat(plain.getChunkSize()).isEqualTo(FIVE_MIB);
                    assertThat(plain.getToken()).isEqualTo(contentisland.emulator().writeToken());
                    assertThat(overriding.getUploadMode()).isEqualTo(ContentIslandUploadMode.simple);
                    assertThat(overriding.getToken()).isEqualTo("other-token");
                    assertThat(overriding.getChunkSize()).isEqualTo(FIVE_MIB);
                });
    }

    @Test
    void uploadsByteIdenticalFilesInChunksWithTheTokenOnlyInProperties(@TempDir Path dir) throws Exception {
        byte[] body = new byte[(int) (2 * FIVE_MIB + 100)];
        new Random(9).nextBytes(body);
        Path file = Files.write(dir.resolve("big.bin"), body);
        String sent = sha256(body);
        withEmulator().withPropertyValues("camel.component.contentisland.upload-mode=chunked",
                "camel.component.contentisland.chunk-size=" + FIVE_MIB).run(context -> {
                    ProducerTemplate template = context.getBean(CamelContext.class).createProducerTemplate();
                    Exchange result = template.send("contentisland:upload", e -> {
                        e.getMessage().setBody(file.toFile());
                        e.getMessage().setHeader(ContentIslandConstants.FILE_NAME, "big.bin");
                    });

                    assertThat(result.getException()).isNull();
                    String name = result.getMessage().getHeader(ContentIslandConstants.RESOURCE_NAME, String.class);
                    assertThat(contentisland.emulator().resourceInfo(name)).hasValueSatisfying(
                            stored -> assertThat(stored.sha256()).isEqualTo(sent));
                    assertThat(contentisland.emulator().journal().requests("POST")).hasSize(3); // chunked, 5 MiB each
                });
    }

    @Test
    void beanOptionsNameSpringBeans() {
        UploadProgressListener listener = progress -> {
        };
        withEmulator().withBean("uploadProgress", UploadProgressListener.class, () -> listener)
                .withPropertyValues("camel.component.contentisland.progress-listener=#bean:uploadProgress")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(component(context).getConfiguration().getProgressListener()).isSameAs(listener);
                });
    }

    @Test
    void aConfigurationBeanIsRefinedBySingleOptionsNotReplacedByDefaults() {
        ContentIslandConfiguration shared = new ContentIslandConfiguration();
        shared.setMaxRetries(9);
        withEmulator().withBean("contentIslandShared", ContentIslandConfiguration.class, () -> shared)
                .withPropertyValues("camel.component.contentisland.configuration=#contentIslandShared",
                        "camel.component.contentisland.file-name=x.bin")
                .run(context -> {
                    ContentIslandConfiguration config = component(context).getConfiguration();
                    assertThat(config).isSameAs(shared);
                    assertThat(config.getMaxRetries()).isEqualTo(9);
                    assertThat(config.getFileName()).isEqualTo("x.bin");
                });
    }

    @Test
    void theApplicationsOwnCustomizerAppliesToo() {
        withEmulator().withBean("myCustomizer", ComponentCustomizer.class,
                () -> ComponentCustomizer.forType(ContentIslandComponent.class,
                        component -> component.getConfiguration().setConnectTimeout(1234)))
                .run(context -> {
                    assertThat(component(context).getConfiguration().getConnectTimeout()).isEqualTo(1234L);
                    assertThat(component(context).getConfiguration().getBaseUrl()).isEqualTo(contentisland.baseUrl());
                });
    }

    @Test
    void canBeSwitchedOff() {
        withEmulator().withPropertyValues("camel.component.contentisland.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(ContentIslandComponentAutoConfiguration.class);
            assertThat(component(context).getConfiguration().getToken()).isNull();
        });
        withEmulator().withPropertyValues("camel.component.contentisland.customizer.enabled=false").run(context -> {
            assertThat(component(context).getConfiguration().getToken()).isNull();
        });
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
