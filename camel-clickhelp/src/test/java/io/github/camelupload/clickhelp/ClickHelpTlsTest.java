package io.github.camelupload.clickhelp;

import javax.net.ssl.SSLHandshakeException;

import io.github.camelupload.emulators.ClickHelpEmulatorExtension;
import io.github.camelupload.emulators.EmulatorTls;
import io.github.camelupload.support.testing.TrustStores;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Over HTTPS: the emulator's self-signed certificate is trusted through sslContextParameters, and only so. */
class ClickHelpTlsTest {

    @RegisterExtension
    static ClickHelpEmulatorExtension clickhelp = new ClickHelpEmulatorExtension(e -> e.https(true));

    CamelContext context;
    ProducerTemplate template;

    @BeforeEach
    void startCamel() throws Exception {
        context = new DefaultCamelContext();
        context.getRegistry().bind("emulatorTls", trustingTheEmulator());
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    static SSLContextParameters trustingTheEmulator() {
        return TrustStores.trusting(EmulatorTls.TRUST_STORE_RESOURCE, EmulatorTls.PASSWORD);
    }

    private String uri(String path, String options) {
        return "clickhelp:storage/" + path + "?portalUrl=" + clickhelp.portalUrl() + "&username=" + clickhelp.username()
               + "&apiKey=RAW(" + clickhelp.apiKey() + ")&retryDelay=1&maxRetryDelay=20" + options;
    }

    @Test
    void uploadsOverHttpsWhenTheCertificateIsTrustedThroughSslContextParameters() {
        byte[] data = ClickHelpTestSupport.seededBytes(25_000, 3);

        Exchange result = template.send(uri("tls/a.bin", "&chunkSize=10000&sslContextParameters=#emulatorTls"),
                e -> e.getMessage().setBody(data));

        assertThat(result.getException()).isNull();
        assertThat(clickhelp.portalUrl()).startsWith("https://");
        assertThat(clickhelp.emulator().fileInfo("tls/a.bin").orElseThrow().sha256())
                .isEqualTo(ClickHelpTestSupport.sha256(data));
        assertThat(clickhelp.emulator().journal().requests("PUT")).hasSize(3);
    }

    @Test
    void withoutTrustTheUploadFailsAtOnceWithAMessageThatNamesTheRemedy() {
        Exchange result = template.send(uri("tls/b.bin", ""), e -> e.getMessage().setBody("data"));

        assertThat(result.getException()).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("TLS handshake with 127.0.0.1:" + clickhelp.emulator().port() + " failed")
                .hasMessageContaining("trust it with the sslContextParameters option");
        assertThat(clickhelp.emulator().journal().requests()).as("no request reached the server, none was retried")
                .isEmpty();
    }
}
