package io.github.camelupload.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads each stored file back through the service's own API and hashes it while it streams in: ClickHelp's
 * {@code GET storage/{path}?format=base64} (the JSON's base64 content is decoded as it is parsed, never held whole),
 * ContentIsland's returned URL.
 */
public final class Verifier {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonFactory json = new JsonFactory();

    /** SHA-256 (hex) of a ClickHelp Storage file. */
    public String clickHelpSha256(DemoSettings.ClickHelpAccount account, String storagePath) throws IOException {
        String encodedPath = Stream.of(storagePath.split("/"))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
        String credentials = Base64.getEncoder().encodeToString(
                (account.username() + ":" + account.apiKey()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(trim(account.portalUrl()) + "/api/v1/storage/" + encodedPath
                                                                + "?format=base64"))
                .header("Authorization", "Basic " + credentials).GET().build();
        try (InputStream body = send(request)) {
            MessageDigest sha = SampleFiles.sha256();
            try (JsonParser parser = json.createParser(body);
                 OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
                while (parser.nextToken() != null) {
                    if (parser.currentToken() == JsonToken.FIELD_NAME && "content".equals(parser.currentName())) {
                        if (parser.nextToken() != JsonToken.VALUE_STRING) {
                            throw new IOException("ClickHelp returned no content for " + storagePath);
                        }
                        parser.readBinaryValue(out); // base64-decoded as it streams
                        return HexFormat.of().formatHex(sha.digest());
                    }
                }
            }
            throw new IOException("ClickHelp's descriptor of " + storagePath + " has no content field");
        }
    }

    /** SHA-256 (hex) of a ContentIsland resource, read from its URL. */
    public String urlSha256(String url) throws IOException {
        try (InputStream body = send(HttpRequest.newBuilder(URI.create(url)).GET().build())) {
            MessageDigest sha = SampleFiles.sha256();
            body.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha));
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    private InputStream send(HttpRequest request) throws IOException {
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("GET " + request.uri().getPath() + " answered " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while verifying", e);
        }
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
