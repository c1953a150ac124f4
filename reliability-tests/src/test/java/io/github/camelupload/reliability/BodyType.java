package io.github.camelupload.reliability;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.converter.stream.FileInputStreamCache;

/** Every kind of message body a route hands the components, made from one source file. */
enum BodyType {
    FILE,
    PATH,
    BYTES,
    /** An InputStream whose length the message announces (CamelFileLength). */
    STREAM_KNOWN_LENGTH,
    /** An InputStream and nothing else: the components learn the length at its end. */
    STREAM_UNKNOWN_LENGTH,
    /** Camel's file-backed StreamCache, what stream caching turns a stream into. */
    STREAM_CACHE,
    /** The GenericFile a {@code file:} consumer delivers, with the consumer's headers. */
    GENERIC_FILE;

    /** The largest byte[] body the soak builds, so that the heap figure measures the components, not the test. */
    static final long MAX_BYTES_BODY = 32L * 1024 * 1024;

    /** Puts the body (and the headers a real producer of it would set) on {@code exchange}. */
    void apply(Exchange exchange, Path file, ConsumerTemplate consumer) throws IOException {
        var message = exchange.getMessage();
        switch (this) {
            case FILE -> message.setBody(file.toFile());
            case PATH -> message.setBody(file);
            case BYTES -> message.setBody(Files.readAllBytes(file));
            case STREAM_KNOWN_LENGTH -> {
                message.setBody(Files.newInputStream(file));
                message.setHeader(Exchange.FILE_LENGTH, Files.size(file));
            }
            case STREAM_UNKNOWN_LENGTH -> message.setBody(Files.newInputStream(file));
            case STREAM_CACHE -> message.setBody(new FileInputStreamCache(file.toFile()));
            case GENERIC_FILE -> {
                String uri = "file:" + file.getParent() + "?fileName=" + file.getFileName() + "&noop=true&idempotent=false";
                Exchange received = consumer.receive(uri, 10_000);
                if (received == null) {
                    throw new IOException("the file consumer did not deliver " + file);
                }
                message.setBody(received.getMessage().getBody());
                for (Map.Entry<String, Object> header : received.getMessage().getHeaders().entrySet()) {
                    if (header.getKey().startsWith("CamelFile")) {
                        message.setHeader(header.getKey(), header.getValue());
                    }
                }
                consumer.doneUoW(received);
            }
            default -> throw new IllegalStateException(name());
        }
    }

    /** Closes what the body holds open (streams), after the upload. */
    static void release(Object body) {
        if (body instanceof InputStream in) {
            try {
                in.close();
            } catch (IOException e) {
                // nothing to do: the file is deleted next
            }
        }
    }

    boolean isFileLike() {
        return this == FILE || this == PATH || this == GENERIC_FILE;
    }

}
