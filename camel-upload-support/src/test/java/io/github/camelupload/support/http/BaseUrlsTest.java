package io.github.camelupload.support.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaseUrlsTest {

    @Test
    void assumesHttpsAndDropsTrailingSlashes() {
        assertThat(BaseUrls.normalize("portalUrl", "acme.clickhelp.co", false)).isEqualTo("https://acme.clickhelp.co");
        assertThat(BaseUrls.normalize("portalUrl", "https://acme.clickhelp.co/", false)).isEqualTo("https://acme.clickhelp.co");
        assertThat(BaseUrls.normalize("baseUrl", "https://api.contentisland.net/api/1.0//", false))
                .isEqualTo("https://api.contentisland.net/api/1.0");
    }

    @Test
    void plainHttpOnlyToLoopbackUnlessAllowed() {
        assertThat(BaseUrls.normalize("portalUrl", "http://127.0.0.1:8080", false)).isEqualTo("http://127.0.0.1:8080");
        assertThat(BaseUrls.normalize("portalUrl", "http://localhost:8080", false)).isEqualTo("http://localhost:8080");
        assertThat(BaseUrls.normalize("portalUrl", "http://[::1]:8080", false)).isEqualTo("http://[::1]:8080");
        assertThatThrownBy(() -> BaseUrls.normalize("portalUrl", "http://acme.clickhelp.co", false))
                .hasMessageContaining("portalUrl").hasMessageContaining("allowInsecureHttp=true");
        assertThatThrownBy(() -> BaseUrls.normalize("portalUrl", "http://10.0.0.1", false))
                .hasMessageContaining("unencrypted");
        assertThat(BaseUrls.normalize("portalUrl", "http://acme.clickhelp.co", true)).isEqualTo("http://acme.clickhelp.co");
    }

    @Test
    void refusesCredentialsInTheUrlWithoutRepeatingThem() {
        assertThatThrownBy(() -> BaseUrls.normalize("portalUrl", "https://jane:s3cret@acme.clickhelp.co", false))
                .hasMessageContaining("credentials").hasMessageNotContaining("s3cret");
    }

    @Test
    void refusesOtherSchemesMissingValuesQueriesAndGarbage() {
        assertThatThrownBy(() -> BaseUrls.normalize("portalUrl", null, false)).hasMessageContaining("portalUrl is required");
        assertThatThrownBy(() -> BaseUrls.normalize("portalUrl", " ", false)).hasMessageContaining("required");
        assertThatThrownBy(() -> BaseUrls.normalize("portalUrl", "ftp://acme", false)).hasMessageContaining("https://");
        assertThatThrownBy(() -> BaseUrls.normalize("portalUrl", "https://acme.co/?x=1", false)).hasMessageContaining("query");
        assertThatThrownBy(() -> BaseUrls.normalize("portalUrl", "https://ac me.co", false)).hasMessageContaining("not a valid URL");
    }

    @Test
    void controlCharactersAreRejectedWithTheirPosition() {
        assertThat(Inputs.requireNoControlCharacters("file path", "docs/ä b#%+.png")).isEqualTo("docs/ä b#%+.png");
        assertThatThrownBy(() -> Inputs.requireNoControlCharacters("file path", "a\r\nX-Evil: 1"))
                .hasMessageContaining("file path").hasMessageContaining("U+000D").hasMessageContaining("position 1");
        assertThatThrownBy(() -> Inputs.requireNoControlCharacters("file name", "a\u0000b")).hasMessageContaining("U+0000");
    }
}
