package io.github.camelupload.contentisland;

import javax.net.ssl.SSLHandshakeException;

import io.github.camelupload.emulators.ContentIslandEmulatorExtension;
import io.github.camelupload.emulators.EmulatorTls;
import io.github.camelupload.support.testing.TrustStores;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Over HTTPS: the emulator's self-signed certificate is trusted through sslContextParameters, and only so. */
class ContentIslandTlsTest {

    @RegisterExtension
    static ContentIslandEmulatorExtension contentisland = new ContentIslandEmulatorExtension(e -> e.https(true));

    CamelContext context;
    ProducerTemplate template;

    @BeforeEach
    void startCamel() throws Exception {
        context = new DefaultCamelContext();
        context.getRegistry().bind("emulatorTls", TrustStores.trusting(EmulatorTls.TRUST_STORE_RESOURCE, EmulatorTls.PASSWORD));
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    private String uri(String options) {
        return "contentisland:upload?baseUrl=" + contentisland.baseUrl() + "&token=RAW(" + contentisland.emulator().writeToken()
               + ")&retryDelay=1&maxRetryDelay=10&fileName=tls.bin" + options;
    }

    @Test
    void simpleAndChunkedUploadsGoOverHttpsWhenTheCertificateIsTrustedThroughSslContextParameters() throws Exception {
        byte[] data = TestFiles.bytes(25_000, 3);

        Exchange simple = template.send(uri("&uploadMode=simple&sslContextParameters=#emulatorTls"),
                e -> e.getMessage().setBody(data));
        Exchange chunked = template.send(uri("&uploadMode=chunked&chunkSize=" + TestFiles.FIVE_MIB
                                             + "&sslContextParameters=#emulatorTls"),
                e -> e.getMessage().setBody(data));

        assertThat(contentisland.baseUrl()).startsWith("https://");
        for (Exchange result : new Exchange[] { simple, chunked }) {
            assertThat(result.getException()).isNull();
            String name = result.getMessage().getHeader(ContentIslandConstants.RESOURCE_NAME, String.class);
            assertThat(contentisland.emulator().resourceInfo(name).orElseThrow().sha256()).isEqualTo(TestFiles.sha256(data));
        }
        assertThat(contentisland.emulator().journal().requests()).extracting(r -> r.chunkUpload()).containsExactly(false, true);
    }

    @Test
    void withoutTrustTheUploadFailsAtOnceWithAMessageThatNamesTheRemedy() {
        Exchange result = template.send(uri(""), e -> e.getMessage().setBody("data"));

        assertThat(result.getException()).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("TLS handshake with 127.0.0.1:" + contentisland.emulator().port() + " failed")
                .hasMessageContaining("trust it with the sslContextParameters option");
        assertThat(contentisland.emulator().journal().requests()).as("no request reached the server, none was retried")
                .isEmpty();
    }
}
