package io.github.camelupload.emulators;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * One request while it is being handled: the Jetty request, its number and planned fault, a blocking view of the
 * body, and what the journal should say about it.
 */
final class Exchange {

    /** The client went away (or the connection broke) while the body was read. */
    static final class BodyReadException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyReadException(IOException cause) {
            super("reading the request body failed: " + cause, cause);
        }
    }

    private final Request request;
    private final int number;
    private final Instant receivedAt = Instant.now();
    private final Fault fault;
    private boolean faultApplied;
    private InputStream body;

    private boolean chunkUpload;
    private final List<RecordedRequest.PartInfo> parts = new ArrayList<>();
    private String chunkOptions;

    Exchange(Request request, int number, Fault fault) {
        this.request = request;
        this.number = number;
        this.fault = fault;
    }

    Request request() {
        return request;
    }

    String method() {
        return request.getMethod();
    }

    /** The path as sent, still percent-encoded, without query. */
    String rawPath() {
        return request.getHttpURI().getPath();
    }

    String header(String name) {
        return request.getHeaders().get(name);
    }

    /** Decoded query parameters; a query that cannot be decoded yields none (handlers then refuse it). */
    Fields query() {
        try {
            return Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            return new Fields(true);
        }
    }

    /** The first value of query parameter {@code name}, or null. */
    String queryParam(String name) {
        return query().getValue(name);
    }

    Fault fault() {
        return fault;
    }

    /** Marks the planned fault as actually applied (it is journaled and counted). */
    void faultApplied() {
        faultApplied = true;
    }

    boolean isFaultApplied() {
        return faultApplied;
    }

    /** The request body as a blocking stream; an I/O failure surfaces as {@link BodyReadException}. */
    InputStream body() {
        if (body == null) {
            InputStream in = Content.Source.asInputStream(request);
            body = new InputStream() {
                @Override
                public int read() throws IOException {
                    try {
                        return in.read();
                    } catch (BodyReadException e) {
                        throw e;
                    } catch (IOException e) {
                        throw new BodyReadException(e);
                    }
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        return in.read(b, off, len);
                    } catch (IOException e) {
                        throw new BodyReadException(e);
                    }
                }
            };
        }
        return body;
    }

    /**
     * Whether the whole body has arrived and been read (a body-less request counts). When not, the connection cannot
     * carry another request; a parse failure with the whole body read means malformed content, not a broken
     * connection.
     */
    boolean bodyFullyRead() {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
            return false;
        }
        try {
            return chunk.isLast() && !Content.Chunk.isFailure(chunk) && !chunk.hasRemaining();
        } finally {
            chunk.release();
        }
    }

    /** Reads and discards up to {@code max} body bytes; returns how many were read. */
    long discardBody(long max) throws IOException {
        InputStream in = body();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        while (total < max) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, max - total));
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    void chunkUpload(boolean chunkUpload) {
        this.chunkUpload = chunkUpload;
    }

    void addPart(RecordedRequest.PartInfo part) {
        parts.add(part);
    }

    void chunkOptions(String chunkOptions) {
        this.chunkOptions = chunkOptions;
    }

    RecordedRequest record(Reply reply) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Fields.Field field : query()) {
            query.put(field.getName(), List.copyOf(field.getValues()));
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(field.getValue());
        }
        Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        reply.headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase("Range") || name.equalsIgnoreCase("Content-Range")
                    || name.equalsIgnoreCase("Retry-After") || name.equalsIgnoreCase("Content-Type")) {
                responseHeaders.put(name, value);
            }
        });
        long bodyBytes = Math.max(0, Request.getContentBytesRead(request));
        return new RecordedRequest(number, receivedAt, method(), rawPath(), StoragePaths.decodeLenient(rawPath()),
                query, headers, bodyBytes, reply.status(), !reply.isAbort(), responseHeaders,
                faultApplied ? fault : null, chunkUpload, parts, chunkOptions);
    }
}
