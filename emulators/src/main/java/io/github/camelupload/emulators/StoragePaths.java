package io.github.camelupload.emulators;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the raw (percent-encoded) file path of a request into validated segments, and segments into a location
 * under a root directory that it can never escape.
 */
final class StoragePaths {

    /** A path the emulator refuses; the message says why and goes into the 400 body. */
    static final class InvalidPathException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidPathException(String message) {
            super(message);
        }
    }

    private static final int MAX_SEGMENT_BYTES = 255; // what common file systems allow for one name

    private StoragePaths() {
    }

    /**
     * Splits {@code rawPath} at '/' and percent-decodes each segment as UTF-8 ('+' is a literal plus). Decoding per
     * segment keeps an encoded slash from creating a folder level; it is refused anyway.
     *
     * @throws InvalidPathException for empty paths or segments, '.', '..', backslashes, slashes or control
     *                              characters inside a segment, bad escapes and bad UTF-8
     */
    static List<String> segments(String rawPath) throws InvalidPathException {
        if (rawPath == null || rawPath.isEmpty()) {
            throw new InvalidPathException("the file path is empty");
        }
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/", -1)) {
            segments.add(validate(decodeStrict(raw), rawPath));
        }
        return List.copyOf(segments);
    }

    /** Splits an already decoded path (as tests write it: "docs/a b.png") and validates each segment. */
    static List<String> decodedSegments(String path) throws InvalidPathException {
        if (path == null || path.isEmpty()) {
            throw new InvalidPathException("the file path is empty");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            segments.add(validate(segment, path));
        }
        return List.copyOf(segments);
    }

    private static String validate(String segment, String wholePath) throws InvalidPathException {
        if (segment.isEmpty()) {
            throw new InvalidPathException("the file path has an empty segment: " + wholePath);
        }
        if (segment.equals(".") || segment.equals("..")) {
            throw new InvalidPathException("'.' and '..' are not allowed in a file path: " + wholePath);
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '\\' || c == '/') {
                throw new InvalidPathException("a file or folder name must not contain '" + c + "': " + wholePath);
            }
            if (Character.isISOControl(c)) {
                throw new InvalidPathException("a file or folder name must not contain control characters");
            }
        }
        if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
            throw new InvalidPathException("a file or folder name is longer than " + MAX_SEGMENT_BYTES + " bytes");
        }
        return segment;
    }

    /** Resolves validated segments under {@code root}; refuses anything that would land outside it. */
    static Path resolve(Path root, List<String> segments) throws InvalidPathException {
        Path normalizedRoot = root.toAbsolutePath().normalize();
        Path path = normalizedRoot;
        for (String segment : segments) {
            path = path.resolve(segment);
        }
        path = path.normalize();
        if (!path.startsWith(normalizedRoot) || path.equals(normalizedRoot) && !segments.isEmpty()) {
            throw new InvalidPathException("the file path leaves the storage root");
        }
        return path;
    }

    /** Best-effort decoding for the journal: never fails, keeps bad escapes as they are. */
    static String decodeLenient(String raw) {
        try {
            return decodeStrict(raw);
        } catch (InvalidPathException e) {
            return raw;
        }
    }

    static String decodeStrict(String raw) throws InvalidPathException {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new InvalidPathException("bad percent escape in: " + raw);
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new InvalidPathException("bad percent escape in: " + raw);
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                    utf8 = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidPathException("the file path is not valid UTF-8 once decoded");
        }
    }
}
