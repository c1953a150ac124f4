package io.github.camelupload.clickhelp;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Names are stored exactly as given: each segment is percent-encoded on the wire. */
class ClickHelpOddNamesTest extends ClickHelpTestSupport {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "with spaces/my file.txt",
            "hash#tag.txt",
            "100% sure.txt",
            "c++ and a+b=c.txt",
            "question?mark&amp=1.txt",
            "Grüße/Ünïcödé ñame.txt",
            "файлы/отчёт.pdf",
            "日本語/ファイル 名.txt",
            "emoji \uD83D\uDE80 rocket.bin",
            "a/b/c/d/e/f/deeply nested.txt",
            "semi;colon,comma'quote(paren)[bracket]{brace}@at!bang$dollar.txt",
            "%2F not a slash %20 not a space.txt",
            "~tilde_under-score.dot.txt"
    })
    void storesTheFileUnderExactlyThatName(String name) {
        byte[] body = ("content of " + name).getBytes(StandardCharsets.UTF_8);

        Exchange result = send(uri("ignored.txt"), body, Map.of(ClickHelpConstants.FILE_PATH, name));

        assertThat(result.getException()).isNull();
        assertThat(storedSha256(name)).isEqualTo(sha256(body));
        ClickHelpFile file = result.getMessage().getBody(ClickHelpFile.class);
        assertThat(file.getFileName()).isEqualTo(name.substring(name.lastIndexOf('/') + 1));
        // the wire form: only unreserved characters and '/' travel unencoded
        assertThat(requests("POST").get(0).rawPath()).matches("/api/v1/storage/[A-Za-z0-9\\-._~/%]+");
        assertThat(requests("POST").get(0).path()).isEqualTo("/api/v1/storage/" + name);
        assertThat(requests("PUT")).allSatisfy(r -> assertThat(r.rawPath()).isEqualTo(requests("POST").get(0).rawPath()));
    }

    @Test
    void encodesEachSegmentAsUtf8() {
        Exchange result = send(uri("x"), "x", Map.of(ClickHelpConstants.FILE_PATH, "a b/c+d#e%f/ü.txt"));

        assertThat(result.getException()).isNull();
        assertThat(requests("POST").get(0).rawPath()).isEqualTo("/api/v1/storage/a%20b/c%2Bd%23e%25f/%C3%BC.txt");
    }

    @Test
    void takesOddNamesFromTheEndpointUri() {
        // in a Camel URI the path is percent-encoded; Camel decodes it before the component sees it
        Exchange result = send(uri("my%20docs/a%2Bb%23c%25d.txt"), "from the uri");

        assertThat(result.getException()).isNull();
        assertThat(emulator().fileInfo("my docs/a+b#c%d.txt")).isPresent();

        // written unencoded, Camel keeps '+', '#' and spaces as they are
        Exchange raw = send(uri("raw dir/c++ #1 ü.txt"), "raw");
        assertThat(raw.getException()).isNull();
        assertThat(emulator().fileInfo("raw dir/c++ #1 ü.txt")).isPresent();
    }

    @Test
    void takesTheNameFromCamelFileNameWhenNothingElseNamesIt() {
        Exchange result = send(uri("").replace("storage/?", "storage?"), "from CamelFileName",
                Map.of(Exchange.FILE_NAME, "reports/2025 Q1 (final).txt"));

        assertThat(result.getException()).isNull();
        assertThat(emulator().fileInfo("reports/2025 Q1 (final).txt")).isPresent();
    }

    @Test
    void dropsLeadingSlashes() {
        Exchange result = send(uri("x"), "rooted", Map.of(ClickHelpConstants.FILE_PATH, "/docs/rooted.txt"));

        assertThat(result.getException()).isNull();
        assertThat(emulator().fileInfo("docs/rooted.txt")).isPresent();
    }
}
