package io.github.camelupload.support.source;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;
import org.apache.camel.support.ExchangeHelper;

/**
 * Turns a message body into a {@link ChunkSource}: File, Path and {@link WrappedFile} (what the file and ftp
 * consumers deliver) are read by position; byte[] is used in place; String is encoded with the exchange charset;
 * InputStream is streamed (length from {@code Content-Length} or {@code CamelFileLength} when given). Anything else
 * goes through Camel's type converters to an InputStream.
 * <p>
 * A one-shot InputStream that an earlier delivery attempt of the exchange already took fails here, before anything is
 * sent, with a {@link ConsumedStreamException} that names the remedies.
 */
public final class ChunkSources {

    private static final int SPOOL_CHUNK = 1024 * 1024;

    private ChunkSources() {
    }

    /**
     * Creates the source for the exchange's body.
     *
     * @throws InvalidPayloadException when the body is null or of a type that cannot become bytes
     */
    public static ChunkSource fromBody(Exchange exchange) throws IOException, InvalidPayloadException {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        if (body == null) {
            throw new InvalidPayloadException(exchange, InputStream.class, message,
                    new IllegalArgumentException("The message body is null: there is nothing to upload"));
        }
        return fromObject(exchange, body, declaredLength(message));
    }

    private static ChunkSource fromObject(Exchange exchange, Object body, long declaredLength)
            throws IOException, InvalidPayloadException {
        if (body instanceof WrappedFile<?> wrapped) {
            Object file = wrapped.getFile();
            if (file instanceof File || file instanceof Path) {
                return fromObject(exchange, file, -1);
            }
            Object content = wrapped.getBody();
            if (content == null || content == wrapped) {
                throw new InvalidPayloadException(exchange, InputStream.class, exchange.getMessage(),
                        new IllegalArgumentException("The wrapped file has no content to upload"));
            }
            return fromObject(exchange, content, wrapped.getFileLength() > 0 ? wrapped.getFileLength() : declaredLength);
        }
        if (body instanceof File file) {
            return FileChunkSource.open(file.toPath());
        }
        if (body instanceof Path path) {
            return FileChunkSource.open(path);
        }
        if (body instanceof byte[] bytes) {
            return new ByteArrayChunkSource(bytes);
        }
        if (body instanceof String text) {
            Charset charset = Charset.forName(ExchangeHelper.getCharsetName(exchange, true));
            return new ByteArrayChunkSource(text.getBytes(charset));
        }
        if (body instanceof InputStream stream) {
            long length = declaredLength;
            if (length < 0 && body instanceof StreamCache cache && cache.length() >= 0) {
                length = cache.length(); // a stream cache knows its size
            }
            OneShotStreams.claim(exchange, stream);
            return new StreamChunkSource(stream, length);
        }
        InputStream converted = exchange.getContext().getTypeConverter().convertTo(InputStream.class, exchange, body);
        if (converted == null) {
            throw new InvalidPayloadException(exchange, InputStream.class, exchange.getMessage(),
                    new IllegalArgumentException("Cannot upload a body of type " + body.getClass().getName()
                                                 + ": send a File, Path, byte[], String or InputStream"));
        }
        return new StreamChunkSource(converted, declaredLength);
    }

    /** The length the message announces for a stream body, or -1. */
    static long declaredLength(Message message) {
        for (String header : new String[] { Exchange.CONTENT_LENGTH, Exchange.FILE_LENGTH }) {
            Object value = message.getHeader(header);
            if (value instanceof Number number && number.longValue() >= 0) {
                return number.longValue();
            }
            if (value instanceof String text && !text.isBlank()) {
                try {
                    long parsed = Long.parseLong(text.trim());
                    if (parsed >= 0) {
                        return parsed;
                    }
                } catch (NumberFormatException e) {
                    // not a length: ignore, the stream is then of unknown length
                }
            }
        }
        return -1;
    }

    /**
     * Gives a source of known length: a source of unknown length is copied to a temporary file (never to memory),
     * which is deleted when the returned source is closed. The given source is closed once copied.
     */
    public static ChunkSource withKnownLength(ChunkSource source, Path tempDir) throws IOException {
        return source.length() >= 0 ? source : spool(source, tempDir);
    }

    /**
     * Gives a source that reads by position, so that any range of it, the whole body included, streams without
     * being buffered: files and byte arrays as they are, anything else copied to a temporary file as
     * {@link #withKnownLength} does.
     */
    public static ChunkSource positional(ChunkSource source, Path tempDir) throws IOException {
        return source instanceof FileChunkSource || source instanceof ByteArrayChunkSource ? source : spool(source, tempDir);
    }

    private static ChunkSource spool(ChunkSource source, Path tempDir) throws IOException {
        Path spool = tempDir != null
                ? Files.createTempFile(tempDir, "upload-spool-", ".bin")
                : Files.createTempFile("upload-spool-", ".bin");
        try (source; OutputStream out = Files.newOutputStream(spool)) {
            source.seek(0);
            for (Chunk chunk = source.nextChunk(SPOOL_CHUNK); chunk != null; chunk = source.nextChunk(SPOOL_CHUNK)) {
                chunk.writeTo(out);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spool);
            throw e;
        }
        return FileChunkSource.openTemporary(spool);
    }
}
