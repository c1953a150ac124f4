package io.github.camelupload.emulators;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A stateful fake of ContentIsland's resource upload ({@code POST /api/1.0/resource/upload}, simple and chunked
 * mode) on {@code http://127.0.0.1:PORT/api/1.0}; stored resources are served at
 * {@code http://127.0.0.1:PORT/files/{name}}. See the module README for the rules it enforces.
 */
public final class ContentIslandEmulator extends AbstractEmulator {

    public static final String DEFAULT_WRITE_TOKEN = "test-write-token";
    public static final String DEFAULT_READ_ONLY_TOKEN = "test-read-token";
    /** 400 MB read as 400,000,000 bytes, the smaller reading of the docs. */
    public static final long DEFAULT_SIMPLE_UPLOAD_LIMIT = 400_000_000L;
    public static final long DEFAULT_MAX_CHUNK_SIZE = 400_000_000L;
    /** 5 MiB, S3's minimum size of every part but the last. */
    public static final long DEFAULT_MIN_PART_SIZE = 5L * 1024 * 1024;

    private final ContentIslandHandler handler;
    private volatile String writeToken = DEFAULT_WRITE_TOKEN;
    private volatile String readOnlyToken = DEFAULT_READ_ONLY_TOKEN;
    private volatile long simpleUploadLimit = DEFAULT_SIMPLE_UPLOAD_LIMIT;
    private volatile long maxChunkSize = DEFAULT_MAX_CHUNK_SIZE;
    private volatile long minPartSize = DEFAULT_MIN_PART_SIZE;

    /** Stores under a new temporary folder, deleted by {@link #close()}; listens on a free port. */
    public ContentIslandEmulator() {
        this(null, 0);
    }

    /** Stores under {@code storageDir}; listens on a free port. */
    public ContentIslandEmulator(Path storageDir) {
        this(storageDir, 0);
    }

    /** Stores under {@code storageDir} (null: a temporary folder); listens on {@code port} (0: a free one). */
    public ContentIslandEmulator(Path storageDir, int port) {
        super(storageDir, port);
        this.handler = new ContentIslandHandler(this);
    }

    @Override
    public ContentIslandEmulator countingOnly(boolean countingOnly) {
        super.countingOnly(countingOnly);
        return this;
    }

    @Override
    public ContentIslandEmulator start() {
        super.start();
        return this;
    }

    /** Puts tokens and limits back to their defaults (stored resources and uploads stay). */
    public ContentIslandEmulator resetConfiguration() {
        writeToken = DEFAULT_WRITE_TOKEN;
        readOnlyToken = DEFAULT_READ_ONLY_TOKEN;
        simpleUploadLimit = DEFAULT_SIMPLE_UPLOAD_LIMIT;
        maxChunkSize = DEFAULT_MAX_CHUNK_SIZE;
        minPartSize = DEFAULT_MIN_PART_SIZE;
        return this;
    }

    /** {@code http://127.0.0.1:PORT/api/1.0}; the upload endpoint is {@code baseUrl() + "/resource/upload"}. */
    public String baseUrl() {
        return origin() + "/api/1.0";
    }

    /** {@code http://127.0.0.1:PORT/api/1.0/resource/upload}. */
    public String uploadUrl() {
        return origin() + ContentIslandHandler.UPLOAD_PATH;
    }

    public String writeToken() {
        return writeToken;
    }

    /** The Bearer token that may upload (default "test-write-token"). */
    public ContentIslandEmulator writeToken(String token) {
        this.writeToken = Objects.requireNonNull(token);
        return this;
    }

    public String readOnlyToken() {
        return readOnlyToken;
    }

    /** The Bearer token that is valid but read-only, answered with 403 (default "test-read-token"). */
    public ContentIslandEmulator readOnlyToken(String token) {
        this.readOnlyToken = Objects.requireNonNull(token);
        return this;
    }

    public long simpleUploadLimit() {
        return simpleUploadLimit;
    }

    /** Largest simple-mode file (default 400,000,000 bytes); bigger ones get 413. */
    public ContentIslandEmulator simpleUploadLimit(long bytes) {
        this.simpleUploadLimit = bytes;
        return this;
    }

    public long maxChunkSize() {
        return maxChunkSize;
    }

    /** Largest chunk in chunked mode (default 400,000,000 bytes); bigger ones get 413. */
    public ContentIslandEmulator maxChunkSize(long bytes) {
        this.maxChunkSize = bytes;
        return this;
    }

    public long minPartSize() {
        return minPartSize;
    }

    /**
     * Smallest non-final chunk (default 5 MiB, as S3); a completed upload with a smaller one fails with 500.
     * Lower it to keep tests of many chunks cheap.
     */
    public ContentIslandEmulator minPartSize(long bytes) {
        this.minPartSize = bytes;
        return this;
    }

    /** Where the resource called {@code name} (as answered in {@code name}) is on disk. */
    public Path storedResource(String name) {
        return handler.storedResource(name);
    }

    /** Size and SHA-256 of a stored resource, if it exists. */
    public Optional<StoredFileInfo> resourceInfo(String name) {
        return handler.resourceInfo(name);
    }

    /** Names of the stored resources. */
    public Set<String> storedResources() {
        return handler.resourceNames();
    }

    /** uploadIds of chunked uploads started and neither completed nor failed (their parts stay on disk). */
    public Set<String> unfinishedUploads() {
        return handler.unfinishedUploads();
    }

    @Override
    EmulatorHandler handler() {
        return handler;
    }

    @Override
    void resetState() throws IOException {
        handler.reset();
    }
}
