package io.github.camelupload.clickhelp.springboot;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import io.github.camelupload.clickhelp.ClickHelpComponent;
import io.github.camelupload.clickhelp.ClickHelpConfiguration;
import io.github.camelupload.clickhelp.ClickHelpEndpoint;
import io.github.camelupload.emulators.ClickHelpEmulatorExtension;
import io.github.camelupload.support.progress.UploadProgressListener;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** camel.component.clickhelp.* properties reach the component and its endpoints, and an upload works on them alone. */
class ClickHelpStarterTest {

    @RegisterExtension
    static ClickHelpEmulatorExtension clickhelp = new ClickHelpEmulatorExtension();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, ClickHelpComponentConverter.class,
                    ClickHelpComponentAutoConfiguration.class));

    private ApplicationContextRunner withEmulator() {
        return runner.withPropertyValues("camel.component.clickhelp.portal-url=" + clickhelp.portalUrl(),
                "camel.component.clickhelp.username=" + clickhelp.emulator().username(),
                "camel.component.clickhelp.api-key=" + clickhelp.emulator().apiKey());
    }

    @Test
    void everyKindOfOptionBindsToTheComponent() {
        withEmulator().withPropertyValues("camel.component.clickhelp.chunk-size=1000",
                "camel.component.clickhelp.overwrite=true", "camel.component.clickhelp.max-file-size=5000000000",
                "camel.component.clickhelp.retry-delay=1", "camel.component.clickhelp.proxy-port=8888",
                "camel.component.clickhelp.lazy-start-producer=true").run(context -> {
                    assertThat(context).hasNotFailed();
                    ClickHelpComponent component = context.getBean(CamelContext.class).getComponent("clickhelp",
                            ClickHelpComponent.class);
                    ClickHelpConfiguration config = component.getConfiguration();
                    assertThat(config.getPortalUrl()).isEqualTo(clickhelp.portalUrl());
                    assertThat(config.getUsername()).isEqualTo(clickhelp.emulator().username());
                    assertThat(config.getApiKey()).isEqualTo(clickhelp.emulator().apiKey());
                    assertThat(config.getChunkSize()).isEqualTo(1000);
                    assertThat(config.isOverwrite()).isTrue();
                    assertThat(config.getMaxFileSize()).isEqualTo(5_000_000_000L);
                    assertThat(config.getRetryDelay()).isEqualTo(1L);
                    assertThat(config.getProxyPort()).isEqualTo(8888);
                    assertThat(component.isLazyStartProducer()).isTrue();
                    // options not set keep the component's own defaults
                    assertThat(config.getMaxRetries()).isEqualTo(5);
                    assertThat(config.getResponseTimeout()).isEqualTo(60000L);
                });
    }

    @Test
    void componentOptionsAreEndpointDefaultsAndEndpointOptionsOverrideThem() {
        withEmulator().withPropertyValues("camel.component.clickhelp.chunk-size=1000",
                "camel.component.clickhelp.max-retries=2").run(context -> {
                    CamelContext camel = context.getBean(CamelContext.class);
                    ClickHelpConfiguration plain = camel.getEndpoint("clickhelp:storage/a.bin", ClickHelpEndpoint.class)
                            .getConfiguration();
                    ClickHelpConfiguration overriding = camel.getEndpoint(
                            "clickhelp:storage/b.bin?chunkSize=2000&username=other", ClickHelpEndpoint.class)
                            .getConfiguration();

                    assertThat(plain.getChunkSize()).isEqualTo(1000);
                    assertThat(plain.getMaxRetries()).isEqualTo(2);
                    assertThat(plain.getPortalUrl()).isEqualTo(clickhelp.portalUrl());
                    assertThat(overriding.getChunkSize()).isEqualTo(2000);
                    assertThat(overriding.getUsername()).isEqualTo("other");
                    assertThat(overriding.getApiKey()).isEqualTo(clickhelp.emulator().apiKey());
                    assertThat(overriding.getMaxRetries()).isEqualTo(2);
                });
    }

    @Test
    void uploadsByteIdenticalFilesWithCredentialsOnlyInProperties() throws Exception {
        byte[] body = new byte[25_000];
        new Random(8).nextBytes(body);
        String sent = sha256(body);
        withEmulator().withPropertyValues("camel.component.clickhelp.chunk-size=10000").run(context -> {
            ProducerTemplate template = context.getBean(CamelContext.class).createProducerTemplate();
            Exchange result = template.send("clickhelp:storage/starter/data.bin", e -> e.getMessage().setBody(body));

            assertThat(result.getException()).isNull();
            assertThat(clickhelp.emulator().fileInfo("starter/data.bin")).hasValueSatisfying(
                    stored -> assertThat(stored.sha256()).isEqualTo(sent));
            assertThat(clickhelp.emulator().journal().requests("PUT")).hasSize(3); // the property's chunk size
        });
    }

    @Test
    void beanOptionsNameSpringBeans() {
        UploadProgressListener listener = progress -> {
        };
        withEmulator().withBean("uploadProgress", UploadProgressListener.class, () -> listener)
                .withPropertyValues("camel.component.clickhelp.progress-listener=#uploadProgress").run(context -> {
                    assertThat(context).hasNotFailed();
                    ClickHelpComponent component = context.getBean(CamelContext.class).getComponent("clickhelp",
                            ClickHelpComponent.class);
                    assertThat(component.getConfiguration().getProgressListener()).isSameAs(listener);
                });
    }

    @Test
    void aConfigurationBeanIsRefinedBySingleOptionsNotReplacedByDefaults() {
        ClickHelpConfiguration shared = new ClickHelpConfiguration();
        shared.setPortalUrl(clickhelp.portalUrl());
        shared.setMaxRetries(9);
        withEmulator().withBean("clickHelpShared", ClickHelpConfiguration.class, () -> shared)
                .withPropertyValues("camel.component.clickhelp.configuration=#clickHelpShared",
                        "camel.component.clickhelp.chunk-size=1234")
                .run(context -> {
                    ClickHelpConfiguration config = context.getBean(CamelContext.class)
                            .getComponent("clickhelp", ClickHelpComponent.class).getConfiguration();
                    assertThat(config).isSameAs(shared);
                    assertThat(config.getMaxRetries()).isEqualTo(9);
                    assertThat(config.getChunkSize()).isEqualTo(1234);
                });
    }

    @Test
    void theApplicationsOwnCustomizerAppliesToo() {
        withEmulator().withBean("myCustomizer", ComponentCustomizer.class,
                () -> ComponentCustomizer.forType(ClickHelpComponent.class,
                        component -> component.getConfiguration().setConnectTimeout(1234)))
                .run(context -> {
                    ClickHelpComponent component = context.getBean(CamelContext.class).getComponent("clickhelp",
                            ClickHelpComponent.class);
                    assertThat(component.getConfiguration().getConnectTimeout()).isEqualTo(1234L);
                    assertThat(component.getConfiguration().getPortalUrl()).isEqualTo(clickhelp.portalUrl());
                });
    }

    @Test
    void canBeSwitchedOff() {
        withEmulator().withPropertyValues("camel.component.clickhelp.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(ClickHelpComponentAutoConfiguration.class);
            ClickHelpComponent component = context.getBean(CamelContext.class).getComponent("clickhelp",
                    ClickHelpComponent.class);
            assertThat(component.getConfiguration().getPortalUrl()).isNull();
        });
        withEmulator().withPropertyValues("camel.component.clickhelp.customizer.enabled=false").run(context -> {
            ClickHelpComponent component = context.getBean(CamelContext.class).getComponent("clickhelp",
                    ClickHelpComponent.class);
            assertThat(component.getConfiguration().getPortalUrl()).isNull();
        });
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
