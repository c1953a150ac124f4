package io.github.camelupload.emulators;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.util.Attributes;

/**
 * The ContentIsland resource upload API ({@code POST /api/1.0/resource/upload}, simple and chunked mode) and the
 * public URLs of stored resources ({@code GET /files/{name}}). State lives here; configuration is read from the
 * emulator.
 */
final class ContentIslandHandler extends EmulatorHandler {

    static final String UPLOAD_PATH = "/api/1.0/resource/upload";
    static final String FILES_PATH = "/files/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RESOURCE_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final int MAX_CHUNK_OPTIONS_BYTES = 64 * 1024;

    private final ContentIslandEmulator emulator;
    private final Map<String, ChunkedUpload> uploads = new ConcurrentHashMap<>();
    private final Map<String, StoredFileInfo> resources = new ConcurrentHashMap<>();

    ContentIslandHandler(ContentIslandEmulator emulator) {
        super(emulator.journal(), emulator.faults());
        this.emulator = emulator;
    }

    private Path filesDir() {
        return emulator.storageDir().resolve("files");
    }

    private Path partsDir() {
        return emulator.storageDir().resolve("parts");
    }

    /** Where Jetty spools multipart parts; on the same file system as the rest, so moving them is a rename. */
    private Path spoolDir() {
        return emulator.storageDir().resolve("spool");
    }

    // ---- queries from the emulator -------------------------------------------------------------------------

    Path storedResource(String name) {
        if (!RESOURCE_NAME.matcher(name).matches() || name.startsWith(".")) {
            throw new IllegalArgumentException("not a resource name: " + name);
        }
        return filesDir().resolve(name);
    }

    Optional<StoredFileInfo> resourceInfo(String name) {
        StoredFileInfo info = resources.get(name);
        return info != null && (info.path() == null || Files.isRegularFile(info.path())) // null: counted only
                ? Optional.of(info) : Optional.empty();
    }

    Set<String> resourceNames() {
        return Set.copyOf(new TreeSet<>(resources.keySet()));
    }

    Set<String> unfinishedUploads() {
        return Set.copyOf(new TreeSet<>(uploads.keySet()));
    }

    void reset() throws IOException {
        uploads.clear();
        resources.clear();
        FileTrees.deleteContents(filesDir());
        FileTrees.deleteContents(partsDir());
        FileTrees.deleteContents(spoolDir());
    }

    // ---- protocol -----------------------------------------------------------------------------------------

    @Override
    Reply error(int status, String message) {
        ObjectNode body = JSON.createObjectNode().put("statusCode", status).put("message", message);
        return Reply.json(status, body.toString());
    }

    @Override
    Reply process(Exchange exchange) throws Exception {
        String path = exchange.rawPath();
        String method = exchange.method();
        if (path.startsWith(FILES_PATH)) {
            return method.equals("GET") || method.equals("HEAD")
                    ? serve(exchange, path.substring(FILES_PATH.length()))
                    : reject(exchange, 405, "Method " + method + " is not allowed on " + path);
        }
        if (!path.equals(UPLOAD_PATH)) {
            return reject(exchange, 404, "Cannot " + method + " " + path);
        }
        if (!method.equals("POST")) {
            return reject(exchange, 405, "Method " + method + " is not allowed on " + path);
        }
        return upload(exchange);
    }

    private Reply serve(Exchange exchange, String name) throws Exception {
        if (!RESOURCE_NAME.matcher(name).matches() || name.startsWith(".")) {
            return reject(exchange, 404, "No such resource");
        }
        Path file = filesDir().resolve(name);
        if (!Files.isRegularFile(file)) {
            return reject(exchange, 404, "No such resource: " + name);
        }
        return Reply.file(file, Files.size(file), "application/octet-stream");
    }

    private Reply upload(Exchange exchange) throws Exception {
        String authorization = exchange.header("Authorization");
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        if (token == null || token.isEmpty()) {
            return reject(exchange, 401, "Unauthorized: a Bearer token is required");
        }
        if (token.equals(emulator.readOnlyToken())) {
            return reject(exchange, 403, "Forbidden: this token is read-only; uploading needs a write token");
        }
        if (!token.equals(emulator.writeToken())) {
            return reject(exchange, 401, "Unauthorized: the token is invalid or expired");
        }
        String contentType = exchange.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return reject(exchange, 400, "The request must be multipart/form-data");
        }
        boolean chunked = "true".equalsIgnoreCase(exchange.header("X-Chunk-Upload"));
        exchange.chunkUpload(chunked);
        long maxPartSize = chunked ? emulator.maxChunkSize() : emulator.simpleUploadLimit();
        if (emulator.isCountingOnly()) {
            return uploadCounting(exchange, contentType, chunked, maxPartSize);
        }
        MultiPartFormData.Parts parts;
        try {
            // parts are cached in attributes of our own, not the request's: when parsing failed, Jetty's end-of-request
            // clean-up would otherwise rethrow the failure and drop the connection instead of sending our answer
            parts = MultiPartFormData.getParts(exchange.request(), new Attributes.Mapped(), contentType,
                    multiPartConfig(maxPartSize));
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof IOException io && !exchange.bodyFullyRead()) {
                throw new Exchange.BodyReadException(io); // the client went away mid-body
            }
            if (String.valueOf(cause.getMessage()).startsWith("max file size exceeded")) {
                return reject(exchange, 413, (chunked ? "A chunk" : "A simple upload") + " may have at most "
                        + maxPartSize + " bytes");
            }
            return reject(exchange, 400, "Malformed multipart payload: " + cause.getMessage());
        }
        try (parts) {
            for (MultiPart.Part part : parts) {
                exchange.addPart(new RecordedRequest.PartInfo(part.getName(), part.getFileName(),
                        part.getHeaders().get(HttpHeader.CONTENT_TYPE), part.getLength()));
            }
            return chunked ? chunk(exchange, parts) : simple(parts);
        }
    }

    private MultiPartConfig multiPartConfig(long maxPartSize) throws IOException {
        Files.createDirectories(spoolDir());
        return new MultiPartConfig.Builder()
                .location(spoolDir())
                .maxMemoryPartSize(0) // every part goes to disk: bodies are never held in memory
                .maxPartSize(maxPartSize)
                .maxSize(-1)
                .maxParts(16)
                .useFilesForPartsWithoutFileName(true)
                .build();
    }

    // ---- simple mode: one part named "file" ---------------------------------------------------------------

    private Reply simple(MultiPartFormData.Parts parts) throws IOException {
        MultiPart.Part file = parts.getFirst("file");
        if (file == null) {
            return error(400, "Malformed multipart payload: a part named 'file' is required"
                    + " (chunked uploads need the header X-Chunk-Upload: true)");
        }
        if (file.getLength() > emulator.simpleUploadLimit()) {
            return error(413, "A simple upload may have at most " + emulator.simpleUploadLimit() + " bytes");
        }
        Path incoming = spoolDir().resolve("incoming-" + UUID.randomUUID());
        file.writeTo(incoming); // a rename of Jetty's spool file
        return store(randomPrefix() + "-" + sanitize(file.getFileName()), incoming,
                Hashing.hexOf(incoming, Hashing.sha256()));
    }

    /** Moves a complete file into place atomically and answers {@code {name, url}}. */
    private Reply store(String name, Path complete, String sha256) throws IOException {
        Files.createDirectories(filesDir());
        Path target = filesDir().resolve(name);
        Files.move(complete, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        StoredFileInfo info = new StoredFileInfo(name, target, Files.size(target), sha256);
        resources.put(name, info);
        emulator.notifyStored(info);
        ObjectNode body = JSON.createObjectNode()
                .put("name", name)
                .put("url", emulator.origin() + FILES_PATH + name);
        return Reply.json(201, body.toString());
    }

    // ---- chunked mode: parts "chunk" and "chunkOptions" ---------------------------------------------------

    private Reply chunk(Exchange exchange, MultiPartFormData.Parts parts) throws IOException {
        MultiPart.Part chunk = parts.getFirst("chunk");
        MultiPart.Part optionsPart = parts.getFirst("chunkOptions");
        if (optionsPart != null && optionsPart.getLength() <= MAX_CHUNK_OPTIONS_BYTES) {
            exchange.chunkOptions(optionsPart.getContentAsString(StandardCharsets.UTF_8));
        }
        if (chunk == null) {
            return error(400, "Malformed multipart payload: chunked mode needs a part named 'chunk' (not 'file')");
        }
        if (optionsPart == null || optionsPart.getLength() > MAX_CHUNK_OPTIONS_BYTES) {
            return error(400, "Malformed multipart payload: chunked mode needs a 'chunkOptions' JSON part");
        }
        ChunkOptions options;
        try {
            options = ChunkOptions.parse(JSON, optionsPart.getContentAsString(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return error(400, "Invalid chunkOptions: " + e.getMessage());
        }
        long size = chunk.getLength();
        if (options.chunkSize() != size) {
            return error(400, "chunkSize is " + options.chunkSize() + " but the chunk has " + size + " bytes");
        }
        if (options.chunkIndex() == 0) {
            if (options.hasAnyState()) {
                return error(400, "The first chunk starts an upload: omit uploadId, multiPartUpload and filePrefix");
            }
            return firstChunk(options, chunk);
        }
        if (!options.hasAllState()) {
            return error(400, "Chunk " + options.chunkIndex()
                    + " must echo uploadId, multiPartUpload and filePrefix from the previous response");
        }
        ChunkedUpload upload = uploads.get(options.uploadId());
        if (upload == null) {
            return error(400, "Unknown uploadId " + options.uploadId());
        }
        synchronized (upload) {
            return nextChunk(upload, options, chunk);
        }
    }

    private Reply firstChunk(ChunkOptions options, MultiPart.Part chunk) throws IOException {
        String uploadId = newUploadId();
        ChunkedUpload upload = new ChunkedUpload(uploadId, randomPrefix(), options.totalChunks(),
                sanitize(chunk.getFileName()), partsDir().resolve(uploadId));
        Files.createDirectories(upload.partsDir);
        synchronized (upload) {
            storePart(upload, 0, chunk);
            if (options.totalChunks() == 1) {
                return complete(upload);
            }
            uploads.put(uploadId, upload);
            return Reply.json(201, upload.progress().toString());
        }
    }

    private Reply nextChunk(ChunkedUpload upload, ChunkOptions options, MultiPart.Part chunk) throws IOException {
        String refused = refuseNext(upload, options);
        if (refused != null) {
            return error(400, refused);
        }
        int index = options.chunkIndex();
        storePart(upload, index, chunk);
        if (index + 1 == upload.totalChunks) {
            return complete(upload);
        }
        return Reply.json(201, upload.progress().toString());
    }

    /** Why a later chunk does not continue {@code upload}, or null when it does. */
    private String refuseNext(ChunkedUpload upload, ChunkOptions options) {
        if (uploads.get(upload.uploadId) != upload) {
            return "Unknown uploadId " + upload.uploadId; // completed or failed meanwhile
        }
        if (options.totalChunks() != upload.totalChunks) {
            return "totalChunks changed from " + upload.totalChunks + " to " + options.totalChunks();
        }
        if (!upload.filePrefix.equals(options.filePrefix())) {
            return "filePrefix does not match the upload's: " + options.filePrefix();
        }
        int index = options.chunkIndex();
        int latest = upload.latestIndex();
        JsonNode expected;
        if (index == latest + 1) {
            expected = upload.multiPartUpload(latest + 1); // the echo of the previous response
        } else if (index == latest) {
            expected = upload.multiPartUpload(latest); // a resend of the latest chunk, with the state before it
        } else {
            return "Chunk " + index + " is out of order: expected chunk " + (latest + 1) + " or a resend of chunk "
                    + latest;
        }
        if (!expected.equals(options.multiPartUpload())) {
            return "multiPartUpload does not match the previous response for chunk " + index;
        }
        return null;
    }

    /** Keeps chunk {@code index} as part {@code index + 1}, replacing an earlier copy (S3 semantics). */
    private void storePart(ChunkedUpload upload, int index, MultiPart.Part chunk) throws IOException {
        Path file = upload.partsDir.resolve("part-" + (index + 1));
        chunk.writeTo(file);
        String etag = "\"" + Hashing.hexOf(file, Hashing.md5()) + "\"";
        ChunkedUpload.Part part = new ChunkedUpload.Part(index + 1, etag, file, Files.size(file));
        if (index < upload.parts.size()) {
            upload.parts.set(index, part);
        } else {
            upload.parts.add(part);
        }
    }

    /** Concatenates the parts in PartNumber order; like S3, refuses small non-final parts with a 500. */
    private Reply complete(ChunkedUpload upload) throws IOException {
        uploads.remove(upload.uploadId);
        try {
            Reply tooSmall = refuseSmallParts(upload);
            if (tooSmall != null) {
                return tooSmall;
            }
            Files.createDirectories(spoolDir());
            Path assembled = spoolDir().resolve("assembled-" + upload.uploadId);
            MessageDigest sha256 = Hashing.sha256();
            try (OutputStream out = Files.newOutputStream(assembled)) {
                byte[] buffer = new byte[64 * 1024];
                for (ChunkedUpload.Part part : upload.parts) {
                    try (InputStream in = Files.newInputStream(part.file())) {
                        for (int n; (n = in.read(buffer)) >= 0; ) {
                            sha256.update(buffer, 0, n);
                            out.write(buffer, 0, n);
                        }
                    }
                }
            }
            return store(upload.filePrefix + "-" + upload.fileName, assembled, Hashing.hex(sha256));
        } finally {
            FileTrees.deleteTree(upload.partsDir);
        }
    }

    private Reply refuseSmallParts(ChunkedUpload upload) {
        for (ChunkedUpload.Part part : upload.parts.subList(0, upload.parts.size() - 1)) {
            if (part.size() < emulator.minPartSize()) {
                return error(500, "Completing the upload failed: EntityTooSmall: part " + part.partNumber()
                        + " has " + part.size() + " bytes, every part but the last needs at least "
                        + emulator.minPartSize());
            }
        }
        return null;
    }

    // ---- counting mode: the same rules, bytes only counted and hashed -------------------------------------

    /**
     * An upload in counting mode: the multipart body is parsed as it streams in; a chunk's bytes go into the
     * upload's running SHA-256 (chunks arrive in order). That needs the chunk's {@code chunkOptions} before the
     * chunk itself, the order our clients (and curl -F in that order) send.
     */
    private Reply uploadCounting(Exchange exchange, String contentType, boolean chunked, long maxPartSize)
            throws Exception {
        String filePart = chunked ? "chunk" : "file";
        MessageDigest[] digest = new MessageDigest[1];
        ChunkedUpload[] upload = new ChunkedUpload[1];
        List<StreamedMultipart.Part> parts;
        try {
            parts = StreamedMultipart.parse(exchange.body(), contentType, MAX_CHUNK_OPTIONS_BYTES, maxPartSize,
                    (name, fileName, before) -> {
                        if (!name.equals(filePart) || digest[0] != null) {
                            return null;
                        }
                        digest[0] = chunked ? runningDigest(before, upload) : Hashing.sha256();
                        MessageDigest sink = digest[0];
                        return sink == null ? null : sink::update;
                    });
        } catch (StreamedMultipart.MalformedException e) {
            if (e.getMessage().startsWith("max file size exceeded")) {
                return reject(exchange, 413, (chunked ? "A chunk" : "A simple upload") + " may have at most "
                        + maxPartSize + " bytes");
            }
            return reject(exchange, 400, "Malformed multipart payload: " + e.getMessage());
        }
        for (StreamedMultipart.Part part : parts) {
            exchange.addPart(new RecordedRequest.PartInfo(part.name(), part.fileName(), part.contentType(),
                    part.size()));
        }
        StreamedMultipart.Part file = parts.stream().filter(p -> p.name().equals(filePart)).findFirst().orElse(null);
        if (!chunked) {
            if (file == null || file.text() != null) {
                return error(400, "Malformed multipart payload: a part named 'file' is required"
                        + " (chunked uploads need the header X-Chunk-Upload: true)");
            }
            return counted(randomPrefix() + "-" + sanitize(file.fileName()), file.size(), digest[0]);
        }
        StreamedMultipart.Part optionsPart = parts.stream().filter(p -> p.name().equals("chunkOptions"))
                .findFirst().orElse(null);
        if (optionsPart != null && optionsPart.text() != null) {
            exchange.chunkOptions(optionsPart.text());
        }
        if (file == null) {
            return error(400, "Malformed multipart payload: chunked mode needs a part named 'chunk' (not 'file')");
        }
        if (optionsPart == null || optionsPart.text() == null) {
            return error(400, "Malformed multipart payload: chunked mode needs a 'chunkOptions' JSON part");
        }
        ChunkOptions options;
        try {
            options = ChunkOptions.parse(JSON, optionsPart.text());
        } catch (IllegalArgumentException e) {
            return error(400, "Invalid chunkOptions: " + e.getMessage());
        }
        if (options.chunkSize() != file.size()) {
            return error(400, "chunkSize is " + options.chunkSize() + " but the chunk has " + file.size() + " bytes");
        }
        if (digest[0] == null) {
            return error(400, "In counting mode the part 'chunkOptions' must come before the part 'chunk'");
        }
        if (options.chunkIndex() == 0) {
            if (options.hasAnyState()) {
                return error(400, "The first chunk starts an upload: omit uploadId, multiPartUpload and filePrefix");
            }
            ChunkedUpload started = new ChunkedUpload(newUploadId(), randomPrefix(), options.totalChunks(),
                    sanitize(file.fileName()), null);
            synchronized (started) {
                return countPart(started, 0, file.size(), digest[0]);
            }
        }
        if (!options.hasAllState() || upload[0] == null) {
            return error(400, upload[0] == null && options.hasAllState() ? "Unknown uploadId " + options.uploadId()
                    : "Chunk " + options.chunkIndex()
                    + " must echo uploadId, multiPartUpload and filePrefix from the previous response");
        }
        synchronized (upload[0]) {
            String refused = refuseNext(upload[0], options);
            if (refused != null) {
                return error(400, refused);
            }
            return countPart(upload[0], options.chunkIndex(), file.size(), digest[0]);
        }
    }

    /**
     * The digest a chunk's bytes continue, from the {@code chunkOptions} parsed before it: a new one for chunk 0, a
     * copy of the upload's digest before (a resend of the latest chunk) or after its latest chunk; null when the
     * options are missing or do not fit (the request is then refused after parsing).
     */
    private MessageDigest runningDigest(List<StreamedMultipart.Part> before, ChunkedUpload[] upload) {
        StreamedMultipart.Part optionsPart = before.stream().filter(p -> p.name().equals("chunkOptions"))
                .findFirst().orElse(null);
        if (optionsPart == null || optionsPart.text() == null) {
            return null;
        }
        ChunkOptions options;
        try {
            options = ChunkOptions.parse(JSON, optionsPart.text());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (options.chunkIndex() == 0) {
            return Hashing.sha256();
        }
        upload[0] = options.uploadId() == null ? null : uploads.get(options.uploadId());
        if (upload[0] == null) {
            return null;
        }
        synchronized (upload[0]) {
            int latest = upload[0].latestIndex();
            MessageDigest base = options.chunkIndex() == latest ? upload[0].digestBeforeLatest
                    : upload[0].digestAfterLatest;
            return Hashing.copyOf(base);
        }
    }

    /** Records chunk {@code index} (counted into {@code digest}) and answers like {@link #nextChunk}. */
    private Reply countPart(ChunkedUpload upload, int index, long size, MessageDigest digest) {
        // the ETag only has to identify the part; counting mode does not hash parts one by one
        String etag = "\"" + upload.uploadId.hashCode() + "-" + index + "-" + size + "\"";
        ChunkedUpload.Part part = new ChunkedUpload.Part(index + 1, etag, null, size);
        if (index < upload.parts.size()) {
            upload.parts.set(index, part);
        } else {
            upload.parts.add(part);
            upload.digestBeforeLatest = upload.digestAfterLatest;
        }
        upload.digestAfterLatest = digest;
        if (index + 1 < upload.totalChunks) {
            uploads.put(upload.uploadId, upload);
            return Reply.json(201, upload.progress().toString());
        }
        uploads.remove(upload.uploadId);
        Reply tooSmall = refuseSmallParts(upload);
        if (tooSmall != null) {
            return tooSmall;
        }
        long total = upload.parts.stream().mapToLong(ChunkedUpload.Part::size).sum();
        return counted(upload.filePrefix + "-" + upload.fileName, total, digest);
    }

    /** Records a counted resource and answers {@code {name, url}} (the url serves nothing in counting mode). */
    private Reply counted(String name, long size, MessageDigest digest) {
        StoredFileInfo info = new StoredFileInfo(name, null, size, Hashing.hex(digest));
        resources.put(name, info);
        emulator.notifyStored(info);
        ObjectNode body = JSON.createObjectNode()
                .put("name", name)
                .put("url", emulator.origin() + FILES_PATH + name);
        return Reply.json(201, body.toString());
    }

    // ---- names ----------------------------------------------------------------------------------------------

    /** The last path element of {@code fileName}, with every character outside [A-Za-z0-9._-] turned into '_'. */
    static String sanitize(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "file";
        }
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        StringBuilder sb = new StringBuilder();
        base.codePoints().forEach(c -> sb.append(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_'
                || c == '-') ? (char) c : '_'));
        return sb.length() == 0 ? "file" : sb.toString();
    }

    private static String randomPrefix() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    private static String newUploadId() {
        byte[] bytes = new byte[24];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
