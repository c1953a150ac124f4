package io.github.camelupload.clickhelp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelupload.support.engine.UploadProtocolException;
import io.github.camelupload.support.http.ChunkEntity;
import io.github.camelupload.support.http.HttpFailures;
import io.github.camelupload.support.source.Chunk;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;

/**
 * The three ClickHelp Storage requests an upload needs: start it ({@code POST}), send a chunk ({@code PUT}) and read
 * a file's descriptor ({@code GET}). Error statuses become {@link HttpOperationFailedException}; transport failures
 * stay {@link IOException}. Retrying is the caller's business. Holds the credentials as a ready Authorization header,
 * which it never prints.
 */
final class ClickHelpClient {

    /** What the server answered to a chunk. */
    record ChunkReply(int status, long confirmedEnd, ClickHelpFile file, String body, Instant serverDate) {

        /** Whether the reply carried a progress header ({@code Range} or {@code Content-Range}). */
        boolean hasProgress() {
            return confirmedEnd >= 0;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** {@code Range: bytes=0-{last}} (the server's answer after an interruption). */
    private static final Pattern RANGE = Pattern.compile("\\s*bytes\\s*=\\s*(\\d+)\\s*-\\s*(\\d+)\\s*");
    /** {@code Content-Range: bytes 0-{last}/{total|*}} (progress on a 202); {@code bytes *}/{total} means none. */
    private static final Pattern CONTENT_RANGE = Pattern.compile("\\s*bytes\\s+(?:(\\d+)\\s*-\\s*(\\d+)|\\*)\\s*(?:/\\s*(\\d+|\\*))?\\s*");

    /** The last {@code Date} header read, parsed. */
    private record ParsedDate(String header, Instant instant) {
    }

    private static volatile ParsedDate lastDate;

    private final CloseableHttpClient http;
    private final String apiBaseUrl;
    private final String authorization;

    /**
     * @param apiBaseUrl {@code {portalUrl}/api/v1/}
     */
    ClickHelpClient(CloseableHttpClient http, String apiBaseUrl, String username, String apiKey) {
        this.http = http;
        this.apiBaseUrl = apiBaseUrl;
        this.authorization = "Basic "
                             + Base64.getEncoder().encodeToString((username + ':' + apiKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The URL of a storage path, without query; holds no secret. */
    String fileUrl(String path) {
        return apiBaseUrl + "storage/" + ClickHelpPaths.encode(path);
    }

    /**
     * {@code POST storage/{path}?format=resumable&isOverwrite=...}: any 2xx starts the upload.
     *
     * @return the server's clock when it started the upload ({@code Date} header), or null
     */
    Instant start(String path, boolean overwrite) throws IOException, HttpOperationFailedException {
        String url = fileUrl(path) + "?format=resumable&isOverwrite=" + overwrite;
        try (ClassicHttpResponse response = open(new HttpPost(url))) {
            if (!isSuccess(response)) {
                throw HttpFailures.fromResponse(url, response, "ClickHelp refused to start the upload of " + path);
            }
            HttpFailures.readBounded(response.getEntity()); // an endless body must not hold us
            return serverDate(response);
        }
    }

    /**
     * {@code PUT storage/{path}?format=resumable} with {@code Content-Range: bytes {start}-{end}/{total|*}}.
     *
     * @return the status (2xx) with the confirmed end offset ({@code Range}, else {@code Content-Range}; -1 when
     *         neither came) and, for a completed upload, the descriptor when the body held one
     */
    ChunkReply putChunk(String path, Chunk chunk) throws IOException, HttpOperationFailedException {
        String url = fileUrl(path) + "?format=resumable";
        HttpPut put = new HttpPut(url);
        put.setHeader("Content-Range", contentRange(chunk));
        put.setEntity(new ChunkEntity(chunk, ContentType.APPLICATION_OCTET_STREAM));
        try (ClassicHttpResponse response = open(put)) {
            int status = response.getCode();
            if (!isSuccess(response)) {
                throw HttpFailures.fromResponse(url, response, "ClickHelp refused bytes " + chunk.offset() + "-"
                                                               + (chunk.end() - 1) + " of " + path);
            }
            String body = HttpFailures.readBounded(response.getEntity());
            long confirmedEnd = confirmedEnd(response);
            ClickHelpFile file = null;
            if (status != 202 && body != null && !body.isBlank()) {
                file = parseDescriptor(body, url);
            }
            return new ChunkReply(status, confirmedEnd, file, body, serverDate(response));
        }
    }

    /** {@code GET storage/{path}}: the descriptor, or empty when the server answers 404. */
    Optional<ClickHelpFile> describe(String path) throws IOException, HttpOperationFailedException {
        String url = fileUrl(path);
        HttpGet get = new HttpGet(url);
        get.setHeader(HttpHeaders.ACCEPT, "application/json");
        try (ClassicHttpResponse response = open(get)) {
            int status = response.getCode();
            if (status == 404) {
                HttpFailures.readBounded(response.getEntity()); // an endless body must not hold us
                return Optional.empty();
            }
            if (status != 200) {
                throw HttpFailures.fromResponse(url, response, "ClickHelp refused to describe " + path);
            }
            return Optional.of(parseDescriptor(HttpFailures.readBounded(response.getEntity()), url));
        }
    }

    static String contentRange(Chunk chunk) {
        long total = chunk.isLast() ? chunk.end() : chunk.totalLength();
        return "bytes " + chunk.offset() + "-" + (chunk.end() - 1) + "/" + (total >= 0 ? Long.toString(total) : "*");
    }

    /**
     * The end offset (last byte + 1) the server says it holds: {@code Range: bytes=0-{last}} when present, else the
     * progress {@code Content-Range: bytes 0-{last}/...}; {@code bytes *}/n} means nothing; -1 when neither header
     * came or neither could be read.
     */
    static long confirmedEnd(ClassicHttpResponse response) {
        Header range = response.getFirstHeader("Range");
        if (range != null) {
            Matcher m = RANGE.matcher(range.getValue());
            if (m.matches()) {
                return Long.parseLong(m.group(2)) + 1;
            }
        }
        Header contentRange = response.getFirstHeader("Content-Range");
        if (contentRange != null) {
            Matcher m = CONTENT_RANGE.matcher(contentRange.getValue());
            if (m.matches()) {
                return m.group(2) == null ? 0 : Long.parseLong(m.group(2)) + 1;
            }
        }
        return -1;
    }

    /** The {@code Date} header: the server's clock when it answered, or null. */
    static Instant serverDate(ClassicHttpResponse response) {
        Header date = response.getFirstHeader(HttpHeaders.DATE);
        if (date == null) {
            return null;
        }
        // the header changes once a second, and parsing it was a tenth of a small upload's time: keep the last one
        ParsedDate last = lastDate;
        if (last != null && last.header().equals(date.getValue())) {
            return last.instant();
        }
        Instant instant = DateUtils.parseStandardDate(date.getValue());
        lastDate = new ParsedDate(date.getValue(), instant);
        return instant;
    }

    /**
     * The body (already bounded by {@link HttpFailures#readBounded}) as a descriptor that names a file and its size.
     * One pass straight into the bean: small uploads parse one descriptor each, and a tree first cost them time.
     */
    private static ClickHelpFile parseDescriptor(String body, String url) throws IOException {
        ClickHelpFile file;
        try {
            file = JSON.readValue(body == null ? "" : body, ClickHelpFile.class);
        } catch (IOException e) {
            throw new UploadProtocolException("ClickHelp answered " + url + " with a body that is not a file descriptor: "
                                              + abbreviate(String.valueOf(body)),
                    e);
        }
        if (file == null) {
            throw new UploadProtocolException("ClickHelp answered " + url + " with a body that is not a file descriptor "
                                              + "(not a JSON object): " + abbreviate(String.valueOf(body)));
        }
        boolean named = file.getFileName() != null || file.getFileFullName() != null;
        if (!named || !file.hasSize()) {
            throw new UploadProtocolException("ClickHelp answered " + url + " with a file descriptor that lacks "
                                              + (named ? "" : "its fileName and fileFullName" + (file.hasSize() ? "" : " and "))
                                              + (file.hasSize() ? "" : "a numeric size") + ": " + abbreviate(body));
        }
        return file;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** Sends a request with the credentials; the caller closes the response, which releases the connection. */
    private ClassicHttpResponse open(HttpUriRequestBase request) throws IOException {
        request.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        return http.executeOpen(null, request, null);
    }

    private static boolean isSuccess(ClassicHttpResponse response) {
        return response.getCode() >= 200 && response.getCode() < 300;
    }

    @Override
    public String toString() {
        return "ClickHelpClient[" + apiBaseUrl + "]";
    }
}
