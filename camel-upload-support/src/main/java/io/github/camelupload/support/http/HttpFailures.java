package io.github.camelupload.support.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.EofSensorInputStream;

/**
 * Turns an unexpected response into Camel's {@link org.apache.camel.http.base.HttpOperationFailedException} (status, body, headers), so routes
 * handle it with the {@code onException} clauses they already use for camel-http.
 */
public final class HttpFailures {

    /** A hostile or broken server must not make us read an endless error body into memory. */
    public static final int MAX_BODY_CHARS = 64 * 1024;

    private HttpFailures() {
    }

    /**
     * @param uri    the request URI, without secrets
     * @param prefix what failed, in words a user understands (e.g. "ClickHelp rejected the upload start"); may be null
     */
    public static UploadHttpException fromResponse(String uri, ClassicHttpResponse response, String prefix)
            throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.merge(header.getName(), header.getValue(), (a, b) -> a + ", " + b);
        }
        String body = readBounded(response.getEntity());
        String reason = prefix == null || prefix.isEmpty() ? "HTTP " + response.getCode() + " " + response.getReasonPhrase() : prefix;
        String statusText = reason + (body == null || body.isBlank() ? "" : ": " + body.strip());
        String location = response.getFirstHeader("Location") != null ? response.getFirstHeader("Location").getValue() : null;
        return new UploadHttpException(uri, response.getCode(), statusText, location, headers, body);
    }

    /** Reads at most {@link #MAX_BODY_CHARS} characters of an entity; the rest is discarded. */
    public static String readBounded(HttpEntity entity) throws IOException {
        if (entity == null) {
            return null;
        }
        Charset charset = StandardCharsets.UTF_8;
        ContentType type = ContentType.parseLenient(entity.getContentType());
        if (type != null && type.getCharset() != null) {
            charset = type.getCharset();
        }
        InputStream in = entity.getContent();
        if (in == null) {
            return null;
        }
        boolean complete = false;
        try {
            // most answers are short or empty: size the buffers by the announced length (+1 to see the end)
            long announced = entity.getContentLength();
            int size = announced >= 0 && announced < 8192 ? (int) announced + 1 : 8192;
            ByteArrayOutputStream out = new ByteArrayOutputStream(size);
            byte[] buffer = new byte[size];
            int read;
            while (out.size() < MAX_BODY_CHARS && (read = in.read(buffer, 0, Math.min(buffer.length, MAX_BODY_CHARS - out.size()))) > 0) {
                out.write(buffer, 0, read);
            }
            String text = out.toString(charset);
            complete = in.read() < 0;
            return complete ? text : text + "... (truncated)";
        } finally {
            if (complete) {
                in.close();
            } else {
                abort(in);
            }
        }
    }

    /**
     * Gives up a response body without reading the rest: closing it would read on to its end to keep the connection,
     * which for an endless body never comes. The connection is closed instead.
     */
    public static void abort(InputStream in) throws IOException {
        if (in instanceof EofSensorInputStream sensor) {
            sensor.abort();
        } else {
            in.close();
        }
    }
}
