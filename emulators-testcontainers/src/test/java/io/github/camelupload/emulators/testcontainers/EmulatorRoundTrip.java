package io.github.camelupload.emulators.testcontainers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelupload.contentisland.ContentIslandConstants;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test logic run against the emulators wherever they are (in-process or in a container): upload through the
 * components to the given addresses, read the file back through the service's API, compare the bytes.
 */
abstract class EmulatorRoundTrip {

    /** {@code http://host:port} of the ClickHelp emulator. */
    abstract String clickHelpPortalUrl();

    /** {@code http://host:port/api/1.0} of the ContentIsland emulator. */
    abstract String contentIslandBaseUrl();

    /** Where a stored resource is downloaded from, as seen from the test. */
    abstract String contentIslandResourceUrl(String name);

    @org.junit.jupiter.api.Test
    void clickHelpStoresTheUploadedBytesInChunks() throws Exception {
        byte[] body = randomBytes(2_500_000, 1);
        // allowInsecureHttp: a Docker host may not be loopback
        String uri = "clickhelp:storage/roundtrip/data.bin?overwrite=true&chunkSize=1048576&allowInsecureHttp=true&portalUrl="
                     + clickHelpPortalUrl() + "&username=" + ClickHelpEmulatorContainer.USERNAME + "&apiKey=RAW("
                     + ClickHelpEmulatorContainer.API_KEY + ")";
        send(uri, body);

        String auth = Base64.getEncoder().encodeToString((ClickHelpEmulatorContainer.USERNAME + ":"
                                                           + ClickHelpEmulatorContainer.API_KEY).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> read = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(clickHelpPortalUrl() + "/api/v1/storage/roundtrip/data.bin?format=base64"))
                .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        byte[] stored = Base64.getDecoder().decode(new ObjectMapper().readTree(read.body()).get("content").asText());
        assertThat(stored).isEqualTo(body);
    }

    @org.junit.jupiter.api.Test
    void contentIslandStoresTheUploadedBytes() throws Exception {
        byte[] body = randomBytes(300_000, 2);
        String uri = "contentisland:upload?fileName=roundtrip.bin&allowInsecureHttp=true&baseUrl=" + contentIslandBaseUrl()
                     + "&token=RAW(" + ContentIslandEmulatorContainer.WRITE_TOKEN + ")";
        Exchange result = send(uri, body);

        String name = result.getMessage().getHeader(ContentIslandConstants.RESOURCE_NAME, String.class);
        HttpResponse<byte[]> read = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(contentIslandResourceUrl(name))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(body);
    }

    private static Exchange send(String uri, byte[] body) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            Exchange result = camel.createProducerTemplate().send(uri, e -> e.getMessage().setBody(body));
            assertThat(result.getException()).isNull();
            return result;
        }
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
