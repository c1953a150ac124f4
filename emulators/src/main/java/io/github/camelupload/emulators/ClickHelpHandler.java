package io.github.camelupload.emulators;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ClickHelp Storage API: resumable upload (POST to start, PUT chunks with {@code Content-Range}), file
 * descriptors and folder listings (GET). State lives here; configuration is read from the emulator.
 */
final class ClickHelpHandler extends EmulatorHandler {

    static final String PREFIX = "/api/v1/storage";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MODIFIED_ON = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final String CONTENT_NULL = "\"content\":null";
    private static final int BUFFER_SIZE = 64 * 1024;

    private final ClickHelpEmulator emulator;
    private final Map<String, ClickHelpSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, StoredFileInfo> stored = new ConcurrentHashMap<>();
    private final AtomicLong stagingCounter = new AtomicLong();

    ClickHelpHandler(ClickHelpEmulator emulator) {
        super(emulator.journal(), emulator.faults());
        this.emulator = emulator;
    }

    private Path filesRoot() {
        return emulator.storageDir().resolve("storage");
    }

    private Path stagingDir() {
        return emulator.storageDir().resolve("staging");
    }

    // ---- queries from the emulator -------------------------------------------------------------------------

    Path storedFile(String storagePath) {
        try {
            return StoragePaths.resolve(filesRoot(), StoragePaths.decodedSegments(storagePath));
        } catch (StoragePaths.InvalidPathException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The session and file key of a decoded storage path: its validated segments joined by '/'. */
    private static String key(String storagePath) {
        try {
            return String.join("/", StoragePaths.decodedSegments(storagePath));
        } catch (StoragePaths.InvalidPathException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    Optional<StoredFileInfo> fileInfo(String storagePath) throws IOException {
        Path file = storedFile(storagePath);
        String key = key(storagePath);
        if (emulator.isCountingOnly()) {
            return Optional.ofNullable(stored.get(key)); // counted, never written
        }
        if (!Files.isRegularFile(file)) {
            stored.remove(key);
            return Optional.empty();
        }
        StoredFileInfo known = stored.get(key);
        if (known != null && Files.size(file) == known.size()) {
            return Optional.of(known);
        }
        // a file placed by other means (seedFile, a test): hash it once
        StoredFileInfo info = new StoredFileInfo(key, file, Files.size(file), Hashing.hexOf(file, Hashing.sha256()));
        stored.put(key, info);
        return Optional.of(info);
    }

    Set<String> unfinishedUploads() {
        return Set.copyOf(new TreeSet<>(sessions.keySet()));
    }

    void seed(String storagePath, byte[] content) throws IOException {
        Path file = storedFile(storagePath);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        MessageDigest digest = Hashing.sha256();
        digest.update(content);
        String key = key(storagePath);
        stored.put(key, new StoredFileInfo(key, file, content.length, Hashing.hex(digest)));
    }

    /** Forgets sessions and stored files, and empties the storage and staging folders. */
    void reset() throws IOException {
        synchronized (sessions) {
            for (ClickHelpSession session : sessions.values()) {
                session.lock.lock();
                try {
                    session.closed = true;
                } finally {
                    session.lock.unlock();
                }
            }
            sessions.clear();
            stored.clear();
            FileTrees.deleteContents(filesRoot());
            FileTrees.deleteContents(stagingDir());
        }
    }

    // ---- protocol -----------------------------------------------------------------------------------------

    @Override
    Reply process(Exchange exchange) throws Exception {
        return route(exchange, -1);
    }

    @Override
    Reply dropConnection(Exchange exchange, long bytes) throws Exception {
        if (!exchange.method().equals("PUT")) {
            return super.dropConnection(exchange, bytes);
        }
        Reply reply = route(exchange, bytes);
        // refused before streaming, or the whole chunk arrived and was processed: either way no answer
        return reply.isAbort() ? reply : reply.lost();
    }

    @Override
    Reply error(int status, String message) {
        Reply reply = Reply.text(status, message);
        return status == 401 ? reply.header("WWW-Authenticate", "Basic realm=\"ClickHelp API\"") : reply;
    }

    /** @param dropAfter for a drop fault, the chunk bytes to read before aborting; otherwise -1 */
    private Reply route(Exchange exchange, long dropAfter) throws Exception {
        String raw = exchange.rawPath();
        if (!raw.equals(PREFIX) && !raw.startsWith(PREFIX + "/")) {
            return reject(exchange, 404, "Not found: " + raw + " (the storage API lives under " + PREFIX + "/)");
        }
        String unauthorized = authenticate(exchange.header("Authorization"));
        if (unauthorized != null) {
            return reject(exchange, 401, unauthorized);
        }
        String relative = raw.length() > PREFIX.length() ? raw.substring(PREFIX.length() + 1) : "";
        String method = exchange.method();
        if (method.equals("GET")) {
            return get(exchange, relative);
        }
        if (!method.equals("POST") && !method.equals("PUT")) {
            return reject(exchange, 501, "Method " + method + " is not supported by this emulator");
        }
        List<String> segments;
        try {
            segments = StoragePaths.segments(relative);
        } catch (StoragePaths.InvalidPathException e) {
            return reject(exchange, 400, "Invalid file path: " + e.getMessage());
        }
        if (!"resumable".equals(exchange.queryParam("format"))) {
            return reject(exchange, 400, "Invalid format '" + exchange.queryParam("format")
                    + "': only format=resumable is supported for uploads");
        }
        return method.equals("POST") ? start(exchange, segments) : chunk(exchange, segments, dropAfter);
    }

    /** @return null when the credentials are right, else the message for the 401 */
    private String authenticate(String authorization) {
        if (authorization == null) {
            return "Authorization required: use HTTP Basic authentication with your login and API key";
        }
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return "Corrupt Authorization header: HTTP Basic authentication is expected";
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "Corrupt Authorization header: the credentials are not valid base64";
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return "Corrupt Authorization header: expected login:apiKey";
        }
        if (!decoded.substring(0, colon).equals(emulator.username())
                || !decoded.substring(colon + 1).equals(emulator.apiKey())) {
            return "Invalid login or API key";
        }
        return null;
    }

    // POST storage/{path}?format=resumable&isOverwrite=...
    private Reply start(Exchange exchange, List<String> segments) throws Exception {
        String isOverwrite = exchange.queryParam("isOverwrite");
        if (isOverwrite != null && !isOverwrite.equals("true") && !isOverwrite.equals("false")) {
            return reject(exchange, 400, "Invalid isOverwrite '" + isOverwrite
                    + "': use true or false (lower case)");
        }
        boolean overwrite = "true".equals(isOverwrite);
        exchange.discardBody(DRAIN_LIMIT); // the body is documented as empty
        String key = String.join("/", segments);
        Path target = StoragePaths.resolve(filesRoot(), segments);
        String conflict = conflict(target, key, overwrite);
        if (conflict != null) {
            return error(409, conflict);
        }
        synchronized (sessions) {
            ClickHelpSession previous = sessions.remove(key);
            if (previous != null) {
                discard(previous); // starting again discards what the previous attempt uploaded
            }
            Path staging = null; // counting mode keeps no bytes
            if (!emulator.isCountingOnly()) {
                Files.createDirectories(stagingDir());
                staging = stagingDir().resolve("upload-" + stagingCounter.incrementAndGet() + ".part");
                Files.deleteIfExists(staging);
                Files.createFile(staging);
            }
            sessions.put(key, new ClickHelpSession(key, target, staging, overwrite));
        }
        return Reply.empty(emulator.startStatus());
    }

    /** @return why {@code target} cannot be written, or null */
    private String conflict(Path target, String key, boolean overwrite) {
        if (Files.isDirectory(target)) {
            return "Conflict: '" + key + "' is a folder";
        }
        for (Path parent = target.getParent(); parent != null && parent.startsWith(filesRoot())
                && !parent.equals(filesRoot()); parent = parent.getParent()) {
            if (Files.isRegularFile(parent)) {
                return "Conflict: '" + filesRoot().relativize(parent) + "' is a file, not a folder";
            }
        }
        if (!overwrite && Files.exists(target)) {
            return "Conflict: the file '" + key + "' already exists; use isOverwrite=true to replace it";
        }
        return null;
    }

    private void discard(ClickHelpSession session) throws IOException {
        session.lock.lock();
        try {
            session.closed = true;
            deleteStaging(session);
        } finally {
            session.lock.unlock();
        }
    }

    // PUT storage/{path}?format=resumable with Content-Range and the raw chunk
    private Reply chunk(Exchange exchange, List<String> segments, long dropAfter) throws Exception {
        String key = String.join("/", segments);
        ClickHelpSession session = sessions.get(key);
        if (session == null) {
            return reject(exchange, 400, "No upload in progress for '" + key
                    + "': start it with POST ?format=resumable first");
        }
        ContentRange range;
        try {
            range = ContentRange.parse(exchange.header("Content-Range"));
        } catch (IllegalArgumentException e) {
            return reject(exchange, 400, e.getMessage());
        }
        if (range.length() > emulator.maxChunkSize()) {
            return reject(exchange, 413, "Chunk of " + range.length() + " bytes is over the "
                    + emulator.maxChunkSize() + "-byte limit");
        }
        long fileSize = range.total() != null ? range.total() : range.end() + 1;
        if (fileSize > emulator.maxFileSize()) {
            return reject(exchange, 413, "File of " + fileSize + " bytes is over the "
                    + emulator.maxFileSize() + "-byte limit");
        }
        String contentLength = exchange.header("Content-Length");
        if (contentLength != null && !contentLength.trim().equals(Long.toString(range.length()))) {
            return reject(exchange, 400, "Content-Length " + contentLength + " does not match Content-Range "
                    + exchange.header("Content-Range"));
        }
        session.lock.lockInterruptibly();
        try {
            if (session.closed) {
                return reject(exchange, 400, "No upload in progress for '" + key + "' (it was restarted)");
            }
            if (range.total() != null && session.total != null && !range.total().equals(session.total)) {
                return reject(exchange, 400, "The total size changed from " + session.total + " to "
                        + range.total());
            }
            if (range.total() == null && session.total != null && range.end() >= session.total) {
                return reject(exchange, 400, "Content-Range end " + range.end() + " is beyond the total "
                        + session.total);
            }
            if (range.start() != session.confirmed) {
                // out of step (e.g. after an interruption): store nothing, tell the client where to go on from
                if (dropAfter >= 0) {
                    exchange.discardBody(dropAfter);
                    return Reply.abort();
                }
                exchange.discardBody(DRAIN_LIMIT);
                Reply reply = Reply.empty(202);
                return session.confirmedRange() == null ? reply : reply.header("Range", session.confirmedRange());
            }
            return receive(exchange, session, range, dropAfter);
        } finally {
            session.lock.unlock();
        }
    }

    private Reply receive(Exchange exchange, ClickHelpSession session, ContentRange range, long dropAfter)
            throws Exception {
        long length = range.length();
        Fault fault = exchange.fault();
        long keep = fault != null && fault.kind() == Fault.Kind.PARTIAL_CHUNK ? Math.min(fault.bytes(), length) : length;
        long readLimit = dropAfter >= 0 ? Math.min(dropAfter, length) : length;
        MessageDigest digest = Hashing.copyOf(session.digest);
        long read = 0;
        long kept = 0;
        // counting mode: no staging file, only the running digest (null resources are allowed here)
        try (FileChannel channel = session.staging == null ? null
                : FileChannel.open(session.staging, StandardOpenOption.WRITE)) {
            InputStream in = exchange.body();
            byte[] buffer = new byte[BUFFER_SIZE];
            try {
                while (read < readLimit) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, readLimit - read));
                    if (n < 0) {
                        break;
                    }
                    int toKeep = (int) Math.max(0, Math.min(n, keep - read));
                    if (toKeep > 0) {
                        if (channel != null) {
                            writeFully(channel, ByteBuffer.wrap(buffer, 0, toKeep), session.confirmed + read);
                        }
                        digest.update(buffer, 0, toKeep);
                        kept += toKeep;
                    }
                    read += n;
                }
            } catch (Exchange.BodyReadException e) {
                // the connection broke mid-chunk: what arrived counts as received, as the resumable protocol says
                commit(session, kept, digest, range);
                throw e;
            }
            if (dropAfter >= 0 && read < length) {
                commit(session, kept, digest, range);
                return Reply.abort();
            }
            // a drop after the whole chunk arrived: processed like any complete chunk (a final one completes the
            // file, as a real server would), only the answer is lost
            boolean longer = read == length && in.read() >= 0;
            if (read < length || longer) {
                if (channel != null) {
                    channel.truncate(session.confirmed);
                }
                return reject(exchange, 400, "The body is " + (longer ? "longer than" : read + " bytes, not")
                        + " the " + length + " bytes Content-Range announces");
            }
        }
        commit(session, kept, digest, range);
        if (kept < length) {
            exchange.faultApplied(); // partialChunk: only part of the chunk was kept
            Reply reply = Reply.empty(202);
            return session.confirmedRange() == null ? reply : reply.header("Range", session.confirmedRange());
        }
        if (session.total != null && session.confirmed == session.total) {
            return complete(session);
        }
        return Reply.empty(202).header("Content-Range", session.progressContentRange());
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }

    private static void commit(ClickHelpSession session, long kept, MessageDigest digest, ContentRange range) {
        session.confirmed += kept;
        session.digest = digest;
        if (range.total() != null) {
            session.total = range.total();
        }
    }

    /** The last byte arrived: move the staged file into place atomically and describe it. */
    private Reply complete(ClickHelpSession session) throws IOException {
        session.closed = true;
        sessions.remove(session.key, session);
        if (session.staging == null) {
            return completeCounted(session);
        }
        String conflict = conflict(session.target, session.key, session.overwrite);
        if (conflict != null) {
            deleteStaging(session);
            return error(409, conflict);
        }
        try {
            Files.createDirectories(session.target.getParent());
        } catch (FileAlreadyExistsException e) {
            deleteStaging(session);
            return error(409, "Conflict: a parent folder of '" + session.key + "' is a file");
        }
        Files.move(session.staging, session.target, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        StoredFileInfo info = new StoredFileInfo(session.key, session.target, session.confirmed,
                Hashing.hex(session.digest));
        stored.put(session.key, info);
        emulator.notifyStored(info);
        return Reply.json(201, toJson(descriptor(session.target, false)));
    }

    /** Counting mode: the upload is only recorded (size and SHA-256); the descriptor describes what was counted. */
    private Reply completeCounted(ClickHelpSession session) throws IOException {
        StoredFileInfo info = new StoredFileInfo(session.key, null, session.confirmed, Hashing.hex(session.digest));
        stored.put(session.key, info);
        emulator.notifyStored(info);
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("content", null);
        descriptor.put("fileFullName", "Storage\\" + session.key.replace('/', '\\'));
        descriptor.put("fileName", session.key.substring(session.key.lastIndexOf('/') + 1));
        descriptor.put("isFolder", false);
        descriptor.put("modifiedBy", emulator.username());
        descriptor.put("modifiedOn", MODIFIED_ON.format(Instant.now()));
        descriptor.put("size", session.confirmed);
        return Reply.json(201, toJson(descriptor));
    }

    private static void deleteStaging(ClickHelpSession session) throws IOException {
        if (session.staging != null) {
            Files.deleteIfExists(session.staging);
        }
    }

    // GET storage/{path}[?format=base64], GET storage/{folder}?filter=*&isRecursive=...
    private Reply get(Exchange exchange, String relative) throws Exception {
        String format = exchange.queryParam("format");
        if (format != null && !format.equals("base64")) {
            return reject(exchange, 400, "Invalid format '" + format + "': only base64 is supported here");
        }
        if (relative.endsWith("/")) {
            relative = relative.substring(0, relative.length() - 1); // "docs/" is the folder "docs"
        }
        Path target;
        try {
            target = relative.isEmpty() ? filesRoot() : StoragePaths.resolve(filesRoot(), StoragePaths.segments(relative));
        } catch (StoragePaths.InvalidPathException e) {
            return reject(exchange, 400, "Invalid file path: " + e.getMessage());
        }
        if (Files.isDirectory(target) || target.equals(filesRoot())) {
            return list(exchange, target);
        }
        if (!Files.isRegularFile(target)) {
            return error(404, "Not found: '" + StoragePaths.decodeLenient(relative) + "' does not exist");
        }
        Map<String, Object> descriptor = descriptor(target, false);
        if ("base64".equals(format)) {
            // the descriptor's "content" (null in it) becomes the file's base64, streamed
            String json = toJson(descriptor);
            int at = json.indexOf(CONTENT_NULL);
            return Reply.jsonWithBase64(json.substring(0, at) + "\"content\":\"", target, Files.size(target),
                    "\"" + json.substring(at + CONTENT_NULL.length()));
        }
        return Reply.json(200, toJson(descriptor));
    }

    private Reply list(Exchange exchange, Path folder) throws IOException {
        String recursive = exchange.queryParam("isRecursive");
        if (recursive != null && !recursive.equals("true") && !recursive.equals("false")) {
            return error(400, "Invalid isRecursive '" + recursive + "': use true or false (lower case)");
        }
        String filter = Optional.ofNullable(exchange.queryParam("filter")).orElse("*");
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + filter);
        } catch (IllegalArgumentException e) {
            return error(400, "Invalid filter '" + filter + "'");
        }
        List<Map<String, Object>> items = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            collect(folder, matcher, "true".equals(recursive), items);
        }
        return Reply.json(200, toJson(items));
    }

    private void collect(Path folder, PathMatcher matcher, boolean recursive, List<Map<String, Object>> items)
            throws IOException {
        List<Path> children;
        try (Stream<Path> stream = Files.list(folder)) {
            children = stream.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        for (Path child : children) {
            boolean isFolder = Files.isDirectory(child);
            if (matcher.matches(child.getFileName())) {
                items.add(descriptor(child, isFolder));
            }
            if (isFolder && recursive) {
                collect(child, matcher, true, items);
            }
        }
    }

    /** The service's file descriptor, fields in the documented order. */
    private Map<String, Object> descriptor(Path file, boolean isFolder) throws IOException {
        Path relative = filesRoot().relativize(file);
        StringBuilder fullName = new StringBuilder("Storage");
        for (Path name : relative) {
            if (!name.toString().isEmpty()) {
                fullName.append('\\').append(name);
            }
        }
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("content", null);
        descriptor.put("fileFullName", fullName.toString());
        descriptor.put("fileName", file.getFileName().toString());
        descriptor.put("isFolder", isFolder);
        descriptor.put("modifiedBy", emulator.username());
        descriptor.put("modifiedOn", MODIFIED_ON.format(Files.getLastModifiedTime(file).toInstant()));
        descriptor.put("size", isFolder ? 0L : Files.size(file));
        return descriptor;
    }

    private static String toJson(Object value) throws JsonProcessingException {
        return JSON.writeValueAsString(value);
    }
}
