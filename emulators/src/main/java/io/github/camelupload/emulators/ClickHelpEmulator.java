package io.github.camelupload.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A stateful fake of the ClickHelp Storage API (resumable upload, file descriptors, folder listings) on
 * {@code http://127.0.0.1:PORT/api/v1/}. See the module README for the rules it enforces.
 *
 * <pre>{@code
 * try (ClickHelpEmulator clickhelp = new ClickHelpEmulator(dir).start()) {
 *     String portal = clickhelp.portalUrl();           // http://127.0.0.1:PORT
 *     clickhelp.faults().onNth("PUT", 3, Fault.dropConnectionAfter(1000));
 *     ...
 *     assertThat(clickhelp.fileInfo("docs/a b.png")).hasValueSatisfying(f -> ...);
 * }
 * }</pre>
 */
public final class ClickHelpEmulator extends AbstractEmulator {

    public static final String DEFAULT_USERNAME = "tester";
    public static final String DEFAULT_API_KEY = "test-api-key";
    /** 10 MiB, the documented chunk limit. */
    public static final long DEFAULT_MAX_CHUNK_SIZE = 10L * 1024 * 1024;
    /** 1 GiB, the documented file limit. */
    public static final long DEFAULT_MAX_FILE_SIZE = 1024L * 1024 * 1024;

    private final ClickHelpHandler handler;
    private volatile String username = DEFAULT_USERNAME;
    private volatile String apiKey = DEFAULT_API_KEY;
    private volatile int startStatus = 201;
    private volatile long maxChunkSize = DEFAULT_MAX_CHUNK_SIZE;
    private volatile long maxFileSize = DEFAULT_MAX_FILE_SIZE;

    /** Stores under a new temporary folder, deleted by {@link #close()}; listens on a free port. */
    public ClickHelpEmulator() {
        this(null, 0);
    }

    /** Stores under {@code storageDir}; listens on a free port. */
    public ClickHelpEmulator(Path storageDir) {
        this(storageDir, 0);
    }

    /** Stores under {@code storageDir} (null: a temporary folder); listens on {@code port} (0: a free one). */
    public ClickHelpEmulator(Path storageDir, int port) {
        super(storageDir, port);
        this.handler = new ClickHelpHandler(this);
    }

    @Override
    public ClickHelpEmulator countingOnly(boolean countingOnly) {
        super.countingOnly(countingOnly);
        return this;
    }

    @Override
    public ClickHelpEmulator start() {
        super.start();
        return this;
    }

    /** Puts credentials, start status and limits back to their defaults (stored files and uploads stay). */
    public ClickHelpEmulator resetConfiguration() {
        username = DEFAULT_USERNAME;
        apiKey = DEFAULT_API_KEY;
        startStatus = 201;
        maxChunkSize = DEFAULT_MAX_CHUNK_SIZE;
        maxFileSize = DEFAULT_MAX_FILE_SIZE;
        return this;
    }

    /** The login and API key that HTTP Basic must carry (defaults: "tester" / "test-api-key"). */
    public ClickHelpEmulator credentials(String username, String apiKey) {
        this.username = Objects.requireNonNull(username);
        this.apiKey = Objects.requireNonNull(apiKey);
        return this;
    }

    public String username() {
        return username;
    }

    public String apiKey() {
        return apiKey;
    }

    /**
     * The status of a successful upload-start POST: 201 by default. The docs do not say; a client should accept
     * 200, 201 and 204, and this lets a test check that.
     */
    public ClickHelpEmulator startStatus(int status) {
        if (status != 200 && status != 201 && status != 204) {
            throw new IllegalArgumentException("the start answer is 200, 201 or 204");
        }
        this.startStatus = status;
        return this;
    }

    public int startStatus() {
        return startStatus;
    }

    /** Largest chunk accepted (default 10 MiB); bigger chunks get 413. Lower it to test the limit cheaply. */
    public ClickHelpEmulator maxChunkSize(long bytes) {
        this.maxChunkSize = bytes;
        return this;
    }

    public long maxChunkSize() {
        return maxChunkSize;
    }

    /** Largest file accepted (default 1 GiB); bigger totals get 413. */
    public ClickHelpEmulator maxFileSize(long bytes) {
        this.maxFileSize = bytes;
        return this;
    }

    public long maxFileSize() {
        return maxFileSize;
    }

    /** {@code http://127.0.0.1:PORT}; the API lives under {@code /api/v1/}. */
    public String portalUrl() {
        return origin();
    }

    /** {@code http://127.0.0.1:PORT/api/v1/}. */
    public String apiUrl() {
        return origin() + "/api/v1/";
    }

    /** Where the file with storage path {@code storagePath} (decoded, '/'-separated, e.g. "docs/a b.png") is. */
    public Path storedFile(String storagePath) {
        return handler.storedFile(storagePath);
    }

    /** Size and SHA-256 of a stored file, if it exists. */
    public Optional<StoredFileInfo> fileInfo(String storagePath) {
        try {
            return handler.fileInfo(storagePath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Storage paths with an upload session started and not completed. */
    public Set<String> unfinishedUploads() {
        return handler.unfinishedUploads();
    }

    /** Puts a file into storage directly, e.g. to test the 409 of a non-overwriting upload. */
    public ClickHelpEmulator seedFile(String storagePath, byte[] content) {
        try {
            handler.seed(storagePath, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
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
