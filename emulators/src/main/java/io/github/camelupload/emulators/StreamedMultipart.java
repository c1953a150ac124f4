package io.github.camelupload.emulators;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

/**
 * Parses a multipart/form-data body while it streams in, for the counting mode: the content of a part with a file
 * name goes to a {@link ContentSink} chosen when the part's headers are known, and is not kept; a part without a
 * file name (a form field such as {@code chunkOptions}) is kept as text, up to a limit.
 */
final class StreamedMultipart {

    /** Receives the bytes of one file part, in order. */
    interface ContentSink {
        void accept(ByteBuffer bytes);
    }

    /** Chooses where a file part's bytes go, given the fields parsed before it; null discards them. */
    interface SinkChooser {
        ContentSink choose(String name, String fileName, List<Part> partsBefore);
    }

    /** One parsed part; {@code text} is null for a file part. */
    record Part(String name, String fileName, String contentType, long size, String text) {
    }

    /** The body is not well-formed multipart, or a field is too long. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    private static final Pattern NAME = Pattern.compile("(?i)(?:^|;)\\s*name\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("(?i)(?:^|;)\\s*filename\\s*=\\s*\"([^\"]*)\"");
    private static final int READ_BUFFER = 64 * 1024;

    private StreamedMultipart() {
    }

    /**
     * Reads the whole body from {@code in}.
     *
     * @param maxFieldBytes    longest field (non-file part) kept
     * @param maxFilePartBytes longest file part; a longer one fails with a message starting "max file size exceeded"
     */
    static List<Part> parse(InputStream in, String contentType, int maxFieldBytes, long maxFilePartBytes,
            SinkChooser chooser) throws IOException, MalformedException {
        String boundary = MultiPart.extractBoundary(contentType);
        if (boundary == null || boundary.isEmpty()) {
            throw new MalformedException("no multipart boundary in Content-Type");
        }
        Collector collector = new Collector(maxFieldBytes, maxFilePartBytes, chooser);
        MultiPart.Parser parser = new MultiPart.Parser(boundary, collector);
        parser.setMaxParts(16);
        byte[] buffer = new byte[READ_BUFFER];
        for (int n; !collector.done && (n = in.read(buffer)) >= 0; ) {
            parser.parse(Content.Chunk.from(ByteBuffer.wrap(buffer, 0, n), false));
            collector.throwIfFailed();
        }
        if (!collector.done) {
            parser.parse(Content.Chunk.EOF);
            collector.throwIfFailed();
        }
        if (!collector.done) {
            throw new MalformedException("the body ended before the closing boundary");
        }
        return collector.parts;
    }

    /** Turns the parser's events into parts; a failure is kept and thrown on the reading thread. */
    private static final class Collector implements MultiPart.Parser.Listener {
        private final int maxFieldBytes;
        private final long maxFilePartBytes;
        private final SinkChooser chooser;
        private final List<Part> parts = new ArrayList<>();
        private String disposition;
        private String contentType;
        private String name;
        private String fileName;
        private ContentSink sink;
        private ByteArrayOutputStream field;
        private long size;
        private String failure;
        private boolean done;

        Collector(int maxFieldBytes, long maxFilePartBytes, SinkChooser chooser) {
            this.maxFieldBytes = maxFieldBytes;
            this.maxFilePartBytes = maxFilePartBytes;
            this.chooser = chooser;
        }

        @Override
        public void onPartBegin() {
            disposition = null;
            contentType = null;
            sink = null;
            field = null;
            size = 0;
        }

        @Override
        public void onPartHeader(String header, String value) {
            switch (header.toLowerCase(Locale.ROOT)) {
                case "content-disposition" -> disposition = value;
                case "content-type" -> contentType = value;
                default -> {
                    // other part headers do not matter here
                }
            }
        }

        @Override
        public void onPartHeaders() {
            name = disposition == null ? null : group(NAME, disposition);
            fileName = disposition == null ? null : group(FILE_NAME, disposition);
            if (name == null) {
                fail("a part has no Content-Disposition name");
            } else if (fileName != null) {
                sink = chooser.choose(name, fileName, List.copyOf(parts));
            } else {
                field = new ByteArrayOutputStream();
            }
        }

        @Override
        public void onPartContent(Content.Chunk chunk) {
            // a slice of our own read buffer, used at once and not kept: nothing to retain or release
            ByteBuffer bytes = chunk.getByteBuffer();
            size += bytes.remaining();
            if (failure != null) {
                return;
            }
            if (field != null) {
                if (size > maxFieldBytes) {
                    fail("the field '" + name + "' is longer than " + maxFieldBytes + " bytes");
                } else {
                    byte[] copy = new byte[bytes.remaining()];
                    bytes.get(copy);
                    field.writeBytes(copy);
                }
            } else if (size > maxFilePartBytes) {
                fail("max file size exceeded: " + maxFilePartBytes);
            } else if (sink != null) {
                sink.accept(bytes);
            }
        }

        @Override
        public void onPartEnd() {
            parts.add(new Part(name, fileName, contentType, size,
                    field == null ? null : field.toString(StandardCharsets.UTF_8)));
        }

        @Override
        public void onComplete() {
            done = true;
        }

        @Override
        public void onFailure(Throwable cause) {
            fail(String.valueOf(cause.getMessage()));
        }

        private void fail(String message) {
            if (failure == null) {
                failure = message;
            }
        }

        void throwIfFailed() throws MalformedException {
            if (failure != null) {
                throw new MalformedException(failure);
            }
        }

        private static String group(Pattern pattern, String text) {
            Matcher matcher = pattern.matcher(text);
            return matcher.find() ? matcher.group(1) : null;
        }
    }
}
