package io.github.camelupload.clickhelp;

import io.github.camelupload.support.testing.LogCapture;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelupload.support.progress.UploadProgress;
import io.github.camelupload.support.progress.UploadProgressListener;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Component-level options, progress reporting, the generated Camel tooling, and the documentation's routes. */
class ClickHelpComponentTest extends ClickHelpTestSupport {

    @Test
    void componentOptionsAreTheDefaultsOfEveryEndpoint() throws Exception {
        ClickHelpComponent component = context.getComponent("clickhelp", ClickHelpComponent.class);
        // through the generated component configurer, as camel-main or Spring Boot would set them
        PropertyBindingSupport.build().withCamelContext(context).withTarget(component)
                .withConfigurer(component.getComponentPropertyConfigurer())
                .withProperties(new java.util.HashMap<>(Map.of("portalUrl", emulator().portalUrl(), "username",
                        clickhelp.username(), "apiKey", clickhelp.apiKey(), "chunkSize", "1000", "retryDelay", "1")))
                .bind();

        Exchange byDefaults = send("clickhelp:storage/defaults/a.bin", seededBytes(2500, 1));
        Exchange overridden = send("clickhelp:storage/defaults/b.bin?chunkSize=2000", seededBytes(2500, 2));

        assertThat(byDefaults.getException()).isNull();
        assertThat(overridden.getException()).isNull();
        assertThat(emulator().journal().requests(r -> r.method().equals("PUT") && r.path().endsWith("a.bin")))
                .extracting(r -> r.header("Content-Range"))
                .containsExactly("bytes 0-999/2500", "bytes 1000-1999/2500", "bytes 2000-2499/2500");
        assertThat(emulator().journal().requests(r -> r.method().equals("PUT") && r.path().endsWith("b.bin")))
                .extracting(r -> r.header("Content-Range"))
                .containsExactly("bytes 0-1999/2500", "bytes 2000-2499/2500");
        assertThat(component.getConfiguration().getChunkSize()).isEqualTo(1000); // the endpoint changed its own copy
    }

    @Test
    void progressListenerHearsEveryConfirmedChunkAndTheEnd() throws Exception {
        List<UploadProgress> events = Collections.synchronizedList(new ArrayList<>());
        UploadProgressListener listener = events::add;
        context.getRegistry().bind("progress", listener);

        Exchange result = send(uri("progress/a.bin", "&chunkSize=1000&progressListener=#progress"), seededBytes(4500, 3));

        assertThat(result.getException()).isNull();
        assertThat(events).extracting(UploadProgress::bytesConfirmed).containsExactly(1000L, 2000L, 3000L, 4000L, 4500L)
                .isSorted();
        assertThat(events).extracting(UploadProgress::totalBytes).containsOnly(4500L);
        assertThat(events).extracting(UploadProgress::done).containsExactly(false, false, false, false, true);
        assertThat(events.get(0).target()).isEqualTo(emulator().portalUrl() + "/api/v1/storage/progress/a.bin");
    }

    @Test
    void progressIsLoggedAtDebugPerChunk() throws Exception {
        try (LogCapture logs = LogCapture.open()) {
            Exchange result = send(uri("progress/logged.bin", "&chunkSize=1000"), seededBytes(2500, 4));
            assertThat(result.getException()).isNull();

            assertThat(logs.entries()).filteredOn(l -> l.level() == Level.DEBUG && l.text().contains("progress/logged.bin"))
                    .extracting(LogCapture.Entry::text)
                    .anySatisfy(t -> assertThat(t).contains("1000 of 2500 bytes confirmed"))
                    .anySatisfy(t -> assertThat(t).contains("2000 of 2500 bytes confirmed"))
                    .anySatisfy(t -> assertThat(t).contains("upload of 2500 bytes completed"));
        }
    }

    @Test
    void isAProducerOnlyEndpoint() throws Exception {
        Endpoint endpoint = context.getEndpoint(uri("a.txt"));

        assertThat(endpoint).isInstanceOf(ClickHelpEndpoint.class);
        assertThatThrownBy(() -> endpoint.createConsumer(exchange -> {
        })).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void generatedComponentJsonDescribesOptionsSecretsAndHeaders() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelupload/clickhelp/clickhelp.json")) {
            assertThat(in).as("component JSON on the classpath").isNotNull();
            json = new ObjectMapper().readTree(in);
        }
        assertThat(json.at("/component/scheme").asText()).isEqualTo("clickhelp");
        assertThat(json.at("/component/producerOnly").asBoolean()).isTrue();
        JsonNode properties = json.get("properties");
        assertThat(properties.at("/apiKey/secret").asBoolean()).isTrue();
        assertThat(properties.at("/apiKey/required").asBoolean()).isTrue();
        assertThat(properties.at("/username/secret").asBoolean()).isTrue();
        assertThat(properties.at("/portalUrl/required").asBoolean()).isTrue();
        assertThat(properties.at("/chunkSize/defaultValue").asInt()).isEqualTo(10485760);
        assertThat(properties.at("/maxFileSize/defaultValue").asLong()).isEqualTo(1073741824L);
        assertThat(properties.at("/overwrite/defaultValue").asBoolean()).isFalse();
        // the options inherited from camel-upload-support, with their descriptions
        for (String shared : List.of("maxRetries", "retryDelay", "maxRetryDelay", "connectTimeout", "responseTimeout",
                "progressListener", "uploadStateRepository", "allowInsecureHttp", "sslContextParameters", "proxyHost",
                "proxyPort")) {
            assertThat(properties.at("/" + shared + "/description").asText()).as(shared).isNotBlank();
        }
        assertThat(json.get("headers").fieldNames()).toIterable().containsExactlyInAnyOrder("CamelClickHelpFilePath",
                "CamelClickHelpOverwrite", "CamelClickHelpUploadOffset", "CamelClickHelpUploadTarget",
                "CamelClickHelpUploadLength", "CamelClickHelpFileFullName");
        assertThat(json.at("/componentProperties/apiKey/secret").asBoolean()).isTrue();
    }

    @Test
    void documentationListsEveryOptionAndHeader() throws Exception {
        String doc = Files.readString(Path.of("src/main/docs/clickhelp-component.adoc"));
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelupload/clickhelp/clickhelp.json")) {
            json = new ObjectMapper().readTree(in);
        }
        json.get("properties").fieldNames()
                .forEachRemaining(option -> assertThat(doc).as("option %s documented", option).contains("*" + option + "*"));
        json.get("headers").fieldNames()
                .forEachRemaining(header -> assertThat(doc).as("header %s documented", header).contains("`" + header + "`"));
    }

    @Test
    void generatedUriFactoryBuildsUris() throws Exception {
        String built = context.getCamelContextExtension().getEndpointUriFactory("clickhelp").buildUri("clickhelp",
                new java.util.LinkedHashMap<>(Map.of("apiName", "storage", "filePath", "docs/logo.png", "overwrite", true)),
                false);

        assertThat(built).isEqualTo("clickhelp:storage/docs/logo.png?overwrite=true");
    }

    // ---- the documentation's routes ----------------------------------------------------------------------------

    private Path outbox;

    private void documentationSetup() throws Exception {
        outbox = Files.createDirectories(tempDir.resolve("outbox"));
        Properties properties = new Properties();
        properties.setProperty("outbox", outbox.toString());
        properties.setProperty("clickhelp.portal", emulator().portalUrl());
        properties.setProperty("clickhelp.username", clickhelp.username());
        properties.setProperty("clickhelp.apiKey", clickhelp.apiKey());
        context.getPropertiesComponent().setInitialProperties(properties);
        FileStateRepository state = FileStateRepository.fileStateRepository(tempDir.resolve("state.dat").toFile());
        context.getRegistry().bind("uploadState", state);
    }

    private void dropFileAndAwaitUpload(String name, long size) throws Exception {
        Path prepared = seededFile("prepared/" + name, size, size);
        NotifyBuilder done = new NotifyBuilder(context).whenDone(1).create();
        Files.move(prepared, outbox.resolve(name)); // atomic: the consumer never sees half a file

        assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(storedSha256("manuals/" + name)).isEqualTo(sha256(outbox.resolve(".done").resolve(name)));
    }

    @Test
    void documentationYamlRouteUploads() throws Exception {
        documentationSetup();
        String yaml;
        try (InputStream in = getClass().getResourceAsStream("/routes/upload-manuals.yaml")) {
            yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("upload-manuals.yaml", yaml));

        dropFileAndAwaitUpload("guide.pdf", 3 * MIB + 17);
    }

    @Test
    void documentationJavaRouteUploadsAndResumesAfterAnInterruption() throws Exception {
        documentationSetup();
        // with no retry in the component, the 503 fails the first delivery; Camel's redelivery then resumes it
        context.getComponent("clickhelp", ClickHelpComponent.class).getConfiguration().setMaxRetries(0);
        context.getComponent("clickhelp", ClickHelpComponent.class).getConfiguration().setRetryDelay(0);
        context.getComponent("clickhelp", ClickHelpComponent.class).getConfiguration().setChunkSize(1024 * 1024);
        context.addRoutes(new UploadManualsRoute(0)); // no redelivery delay in the test
        emulator().faults().onNth("PUT", 2, io.github.camelupload.emulators.Fault.status(503));

        dropFileAndAwaitUpload("handbook.pdf", 3 * MIB);

        assertThat(requests("POST")).hasSize(1);
        assertThat(putRanges()).containsExactly("bytes 0-1048575/3145728", "bytes 1048576-2097151/3145728",
                "bytes 1048576-2097151/3145728", "bytes 2097152-3145727/3145728");
    }
}
