package io.github.camelupload.emulators;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opt-in HTTPS with the bundled self-signed certificate; plain HTTP stays the default. */
class EmulatorHttpsTest {

    @TempDir
    Path dir;

    @Test
    void servesHttpsThatAClientTrustingTheBundledCertificateAccepts() throws Exception {
        try (ClickHelpEmulator emulator = new ClickHelpEmulator(dir)) {
            emulator.https(true);
            emulator.start();
            assertThat(emulator.portalUrl()).startsWith("https://127.0.0.1:");
            HttpClient trusting = HttpClient.newBuilder().sslContext(EmulatorTls.clientContext()).build();

            HttpResponse<String> response = trusting.send(
                    HttpRequest.newBuilder(URI.create(emulator.apiUrl() + "storage/a.txt")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as("reached the handler over TLS: no credentials").isEqualTo(401);
            assertThat(emulator.journal().requests()).hasSize(1);
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefusedInTheHandshake() throws Exception {
        try (ContentIslandEmulator emulator = new ContentIslandEmulator(dir)) {
            emulator.https(true);
            emulator.start();
            assertThat(emulator.baseUrl()).startsWith("https://127.0.0.1:");

            assertThatThrownBy(() -> HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(emulator.uploadUrl())).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
            assertThat(emulator.journal().requests()).isEmpty();
        }
    }

    @Test
    void plainHttpStaysTheDefaultAndTheSchemeCannotChangeWhileRunning() {
        try (ClickHelpEmulator emulator = new ClickHelpEmulator(dir).start()) {
            assertThat(emulator.isHttps()).isFalse();
            assertThat(emulator.portalUrl()).startsWith("http://127.0.0.1:");
            assertThatThrownBy(() -> emulator.https(true)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("stop the emulator");
        }
    }
}
