package io.github.camelupload.contentisland;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelupload.support.engine.UploadProtocolException;
import io.github.camelupload.support.http.HttpFailures;
import io.github.camelupload.support.http.UploadHttpException;
import io.github.camelupload.support.source.Chunk;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The two requests of the ContentIsland upload API: a simple upload (one {@code file} part) and one chunk of a
 * chunked upload ({@code X-Chunk-Upload: true}, parts {@code chunkOptions} and {@code chunk}). Each call is one
 * attempt; retrying is the caller's business. Nothing here logs or reports the token.
 */
final class ContentIslandClient {

    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final ContentType OPTIONS_TYPE = ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8);
    /** A progress body lists every part so far: 10,000 parts stay far below this. */
    private static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    /** What the server answered to a chunk: the upload's new state, or the final resource after the last chunk. */
    record ChunkReply(String uploadId, JsonNode multiPartUpload, String filePrefix, UploadedResource resource) {

        boolean isFinal() {
            return resource != null;
        }
    }

    private final CloseableHttpClient http;
    private final String uploadUrl;
    private final String token;

    /**
     * @param baseUrl the normalised base URL (no trailing slash)
     */
    ContentIslandClient(CloseableHttpClient http, String baseUrl, String token) {
        this.http = http;
        this.uploadUrl = baseUrl + "/resource/upload";
        this.token = token;
    }

    String uploadUrl() {
        return uploadUrl;
    }

    /** Uploads a whole body as one request. */
    UploadedResource uploadFile(Chunk whole, String fileName, ContentType contentType)
            throws IOException, HttpOperationFailedException {
        HttpEntity entity = multipart()
                .addPart("file", new ChunkContentBody(whole, contentType, fileName))
                .build();
        HttpPost post = post(entity, false);
        try (ClassicHttpResponse response = http.executeOpen(null, post, null)) {
            checkStatus(response);
            JsonNode body = readJson(response, "the simple upload of " + fileName);
            UploadedResource resource = resourceOf(body);
            if (resource == null) {
                throw new UploadProtocolException("ContentIsland answered the simple upload of " + fileName
                                                  + " without the {name, url} of the stored resource: " + abbreviate(body));
            }
            return resource;
        }
    }

    /** Sends one chunk with its options. */
    ChunkReply uploadChunk(Chunk chunk, ChunkOptions options, String fileName, ContentType contentType)
            throws IOException, HttpOperationFailedException {
        String optionsJson = JSON.writeValueAsString(options);
        HttpEntity entity = multipart()
                .addTextBody("chunkOptions", optionsJson, OPTIONS_TYPE)
                .addPart("chunk", new ChunkContentBody(chunk, contentType, fileName))
                .build();
        HttpPost post = post(entity, true);
        String what = "chunk " + options.chunkIndex() + " of " + options.totalChunks() + " of " + fileName;
        try (ClassicHttpResponse response = http.executeOpen(null, post, null)) {
            checkStatus(response);
            JsonNode body = readJson(response, what);
            UploadedResource resource = resourceOf(body);
            if (resource != null) {
                return new ChunkReply(null, null, null, resource);
            }
            String uploadId = text(body, "uploadId");
            String filePrefix = text(body, "filePrefix");
            JsonNode multiPartUpload = body.get("multiPartUpload");
            if (multiPartUpload != null && multiPartUpload.isNull()) {
                multiPartUpload = null;
            }
            if (uploadId == null && filePrefix == null && multiPartUpload == null) {
                throw new UploadProtocolException("ContentIsland answered " + what
                                                  + " with neither the upload state nor the stored resource: " + abbreviate(body));
            }
            if (multiPartUpload != null && !multiPartUpload.isObject()) {
                throw new UploadProtocolException("ContentIsland answered " + what
                                                  + " with a multiPartUpload that is not an object: " + abbreviate(body));
            }
            return new ChunkReply(uploadId, multiPartUpload, filePrefix, null);
        }
    }

    private static MultipartEntityBuilder multipart() {
        // LEGACY writes the file name as raw UTF-8, as browsers do; the strict modes percent-encode it (RFC 7578),
        // which servers that parse with busboy/multer (and Jetty) would keep as literal "UTF-8''%C3%9C..."
        return MultipartEntityBuilder.create().setMode(HttpMultipartMode.LEGACY).setCharset(StandardCharsets.UTF_8);
    }

    private HttpPost post(HttpEntity entity, boolean chunk) {
        HttpPost post = new HttpPost(uploadUrl);
        post.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        if (chunk) {
            post.setHeader("X-Chunk-Upload", "true");
        }
        post.setEntity(entity);
        return post;
    }

    private void checkStatus(ClassicHttpResponse response) throws IOException, HttpOperationFailedException {
        int status = response.getCode();
        if (status >= 200 && status < 300) {
            return;
        }
        HttpOperationFailedException raw = HttpFailures.fromResponse(uploadUrl, response, null);
        String body = hideToken(raw.getResponseBody());
        Map<String, String> headers = new LinkedHashMap<>();
        raw.getResponseHeaders().forEach((name, value) -> headers.put(name, hideToken(value)));
        throw new UploadHttpException(uploadUrl, status, describe(status, body), raw.getRedirectLocation(), headers,
                body);
    }

    /** The message a user reads for an error status. */
    static String describe(int status, String body) {
        String serverMessage = serverMessage(body);
        String detail = serverMessage == null ? "" : " (server message: " + serverMessage + ")";
        return switch (status) {
            case 400 -> "ContentIsland rejected the upload request (400 Bad Request): "
                        + (serverMessage == null ? "no message given" : serverMessage);
            case 401 -> "ContentIsland rejected the token (401 Unauthorized): the token is missing, malformed or expired" + detail;
            case 403 -> "ContentIsland refused the upload (403 Forbidden): the token lacks write permission; use a Write Token"
                        + detail;
            default -> "ContentIsland answered the upload with HTTP " + status + detail;
        };
    }

    /** The {@code message} of a JSON error body (a string or a list of strings), else the body text itself. */
    static String serverMessage(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(body);
            JsonNode message = json == null ? null : json.get("message");
            if (message != null && message.isTextual()) {
                return message.asText();
            }
            if (message != null && message.isArray()) {
                StringBuilder joined = new StringBuilder();
                message.forEach(item -> joined.append(joined.length() == 0 ? "" : "; ").append(item.asText()));
                return joined.toString();
            }
        } catch (JsonProcessingException e) {
            // not JSON: the text is the message
        }
        return body.strip();
    }

    private String hideToken(String text) {
        return text == null || token.isEmpty() ? text : text.replace(token, "xxxxxx");
    }

    private static JsonNode readJson(ClassicHttpResponse response, String what) throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            throw new UploadProtocolException("ContentIsland answered " + what + " with an empty body");
        }
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (bytes.length > MAX_RESPONSE_BYTES) {
                HttpFailures.abort(in); // closing would read the rest, maybe forever
                throw new UploadProtocolException("ContentIsland answered " + what + " with more than "
                                                  + MAX_RESPONSE_BYTES + " bytes");
            }
            if (bytes.length == 0) {
                throw new UploadProtocolException("ContentIsland answered " + what + " with an empty body");
            }
            JsonNode json;
            try {
                json = JSON.readTree(bytes);
            } catch (JsonProcessingException e) {
                throw new UploadProtocolException("ContentIsland answered " + what + " with a body that is not JSON: "
                                                  + abbreviate(new String(bytes, 0, Math.min(bytes.length, 200),
                                                          StandardCharsets.UTF_8)));
            }
            if (json == null || !json.isObject()) {
                throw new UploadProtocolException("ContentIsland answered " + what + " with JSON that is not an object");
            }
            return json;
        } finally {
            EntityUtils.consumeQuietly(entity);
        }
    }

    private static UploadedResource resourceOf(JsonNode body) {
        String name = text(body, "name");
        String url = text(body, "url");
        return name != null && url != null ? new UploadedResource(name, url) : null;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
