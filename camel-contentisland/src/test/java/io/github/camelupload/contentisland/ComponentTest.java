package io.github.camelupload.contentisland;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelupload.support.progress.UploadProgress;
import io.github.camelupload.support.progress.UploadProgressListener;
import org.apache.camel.Exchange;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;

import static io.github.camelupload.contentisland.TestFiles.FIVE_MIB;
import static org.assertj.core.api.Assertions.assertThat;

/** Component-level options, the generated configurers and metadata, and the progress listener. */
class ComponentTest extends ContentIslandTestSupport {

    @Test
    void componentOptionsAreDefaultsCopiedIntoEachEndpoint() {
        ContentIslandComponent component = context.getComponent("contentisland", ContentIslandComponent.class);
        // through the generated component configurer, as camel.component.contentisland.* properties are bound
        boolean bound = PropertyBindingSupport.build().withConfigurer(component.getComponentPropertyConfigurer())
                .withCamelContext(context).withTarget(component)
                .withProperties(new java.util.HashMap<>(Map.of("token", emulator().writeToken(), "baseUrl", emulator().baseUrl(),
                        "chunkSize", String.valueOf(FIVE_MIB), "uploadMode", "chunked")))
                .bind();
        assertThat(bound).isTrue();

        ContentIslandEndpoint endpoint = context.getEndpoint("contentisland:upload?chunkSize=6291456", ContentIslandEndpoint.class);
        ContentIslandEndpoint plain = context.getEndpoint("contentisland:upload?fileName=x.bin", ContentIslandEndpoint.class);

        assertThat(endpoint.getConfiguration().getToken()).isEqualTo(emulator().writeToken());
        assertThat(endpoint.getConfiguration().getChunkSize()).isEqualTo(6291456);
        assertThat(plain.getConfiguration().getChunkSize()).isEqualTo(FIVE_MIB);
        assertThat(component.getConfiguration().getChunkSize()).isEqualTo(FIVE_MIB);
        assertThat(plain.getConfiguration().getUploadMode()).isEqualTo(ContentIslandUploadMode.chunked);

        Exchange result = upload("contentisland:upload?fileName=x.bin", TestFiles.bytes(100, 1), Map.of());
        assertThat(storedSha256(result)).isEqualTo(TestFiles.sha256(TestFiles.bytes(100, 1)));
        assertThat(posts()).singleElement().satisfies(r -> assertThat(r.chunkUpload()).isTrue());
    }

    @Test
    void theProgressListenerHearsOfEveryConfirmedChunkAndTheCompletion() throws Exception {
        List<UploadProgress> progress = new CopyOnWriteArrayList<>();
        context.getRegistry().bind("progress", (UploadProgressListener) progress::add);
        byte[] body = TestFiles.bytes((int) (2 * FIVE_MIB + 10), 2);

        upload(uri("uploadMode=chunked&chunkSize=" + FIVE_MIB + "&fileName=p.bin&progressListener=#progress"), body, Map.of());

        assertThat(progress).extracting(UploadProgress::bytesConfirmed).containsExactly(FIVE_MIB, 2 * FIVE_MIB, (long) body.length);
        assertThat(progress).extracting(UploadProgress::done).containsExactly(false, false, true);
        assertThat(progress).allSatisfy(p -> {
            assertThat(p.totalBytes()).isEqualTo(body.length);
            assertThat(p.target()).isEqualTo(emulator().baseUrl() + "/p.bin");
        });
    }

    @Test
    void theGeneratedMetadataDescribesEveryOptionAndHeader() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelupload/contentisland/contentisland.json")) {
            json = JSON.readTree(in);
        }
        assertThat(json.at("/component/scheme").asText()).isEqualTo("contentisland");
        assertThat(json.at("/component/syntax").asText()).isEqualTo("contentisland:operation");
        assertThat(json.at("/component/producerOnly").asBoolean()).isTrue();
        JsonNode properties = json.get("properties");
        assertThat(properties.fieldNames()).toIterable().contains("operation", "token", "baseUrl", "uploadMode",
                "simpleUploadLimit", "chunkSize", "fileName", "maxRetries", "retryDelay", "maxRetryDelay", "connectTimeout",
                "responseTimeout", "progressListener", "uploadStateRepository", "allowInsecureHttp");
        assertThat(properties.at("/token/secret").asBoolean()).isTrue();
        assertThat(properties.at("/token/required").asBoolean()).isTrue();
        assertThat(properties.at("/uploadMode/defaultValue").asText()).isEqualTo("auto");
        assertThat(properties.at("/chunkSize/defaultValue").asLong()).isEqualTo(8388608);
        assertThat(properties.at("/simpleUploadLimit/defaultValue").asLong()).isEqualTo(400000000);
        assertThat(properties.at("/baseUrl/defaultValue").asText()).isEqualTo("https://api.contentisland.net/api/1.0");
        assertThat(json.get("headers").fieldNames()).toIterable().contains("CamelContentIslandFileName",
                "CamelContentIslandUploadMode", "CamelContentIslandUploadId", "CamelContentIslandFilePrefix",
                "CamelContentIslandMultiPartUpload", "CamelContentIslandChunkIndex", "CamelContentIslandChunkSize",
                "CamelContentIslandTotalChunks", "CamelContentIslandResourceName", "CamelContentIslandResourceUrl");
    }
}
