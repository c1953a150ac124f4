package io.github.camelupload.emulators;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The answer a handler computed, kept apart from sending it so that a fault can still swallow it
 * ({@link Fault#loseResponse()}) and the journal can record it first.
 */
final class Reply {

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;
    private final Path file;
    private final long fileSize;
    /** For a base64 reply: the JSON before and after the file's base64 text. */
    private byte[] jsonBefore;
    private byte[] jsonAfter;
    private boolean abort;

    private Reply(int status, byte[] body, Path file, long fileSize) {
        this.status = status;
        this.body = body;
        this.file = file;
        this.fileSize = fileSize;
    }

    static Reply empty(int status) {
        return new Reply(status, new byte[0], null, 0);
    }

    static Reply text(int status, String text) {
        return new Reply(status, text.getBytes(StandardCharsets.UTF_8), null, 0)
                .header("Content-Type", "text/plain;charset=utf-8");
    }

    static Reply json(int status, String json) {
        return new Reply(status, json.getBytes(StandardCharsets.UTF_8), null, 0)
                .header("Content-Type", "application/json;charset=utf-8");
    }

    /** Streams {@code file} as the body. */
    static Reply file(Path file, long size, String contentType) {
        return new Reply(200, null, file, size).header("Content-Type", contentType);
    }

    /**
     * JSON that embeds {@code file} base64-encoded between {@code before} and {@code after}; the encoding streams,
     * so a 1 GiB file costs no memory.
     */
    static Reply jsonWithBase64(String before, Path file, long size, String after) {
        Reply reply = new Reply(200, null, file, size).header("Content-Type", "application/json;charset=utf-8");
        reply.jsonBefore = before.getBytes(StandardCharsets.UTF_8);
        reply.jsonAfter = after.getBytes(StandardCharsets.UTF_8);
        return reply;
    }

    /** No response at all: the connection is aborted (e.g. it was dropped while the body was read). */
    static Reply abort() {
        Reply reply = new Reply(0, new byte[0], null, 0);
        reply.abort = true;
        return reply;
    }

    Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Turns this reply into an abort that still remembers what it would have answered. */
    Reply lost() {
        abort = true;
        return this;
    }

    int status() {
        return status;
    }

    boolean isAbort() {
        return abort;
    }

    Map<String, String> headers() {
        return headers;
    }

    void send(Response response, Callback callback) {
        response.setStatus(status);
        headers.forEach((name, value) -> response.getHeaders().put(name, value));
        if (file != null && jsonBefore != null) {
            long base64Length = 4 * ((fileSize + 2) / 3);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, jsonBefore.length + base64Length + jsonAfter.length);
            try (OutputStream out = Content.Sink.asOutputStream(response)) {
                out.write(jsonBefore);
                OutputStream keepOpen = new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // the encoder's close writes the padding; the response goes on
                    }
                };
                try (OutputStream encoder = Base64.getEncoder().wrap(keepOpen)) {
                    Files.copy(file, encoder);
                }
                out.write(jsonAfter);
            } catch (IOException | RuntimeException e) {
                callback.failed(e);
                return;
            }
            callback.succeeded();
        } else if (file != null) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, fileSize);
            Content.copy(Content.Source.from(file), response, callback);
        } else {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }
}
