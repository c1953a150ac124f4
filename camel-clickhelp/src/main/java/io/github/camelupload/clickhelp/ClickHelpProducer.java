package io.github.camelupload.clickhelp;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import io.github.camelupload.support.engine.ChunkUploader;
import io.github.camelupload.support.engine.UploadTracker;
import io.github.camelupload.support.resume.ResumeStateStore;
import io.github.camelupload.support.source.Chunk;
import io.github.camelupload.support.source.ChunkSource;
import io.github.camelupload.support.source.ChunkSources;
import io.github.camelupload.support.source.SourceIdentity;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads one message body: checks it, starts the upload (or resumes it from the offset header or the state
 * repository), sends the chunks through the shared {@link ChunkUploader}, and leaves the descriptor as the body.
 */
public class ClickHelpProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(ClickHelpProducer.class);
    static final String SCHEME = "clickhelp";
    /**
     * Where the last upload of this exchange stood, as an exchange property: Camel's redelivery restores the message
     * (and so drops the offset headers) from a copy taken before the first attempt, but keeps exchange properties.
     */
    static final String RESUME_PROPERTY = "CamelClickHelpResumePoint";

    /**
     * The confirmed offset of an upload to a target, and the server's clock when its session started (null when
     * unknown): a later attempt that finds the session gone needs it to tell its file from an older one.
     */
    record ResumePoint(String target, long offset, Instant sessionStart) {
    }

    private final ClickHelpEndpoint endpoint;
    private final ClickHelpConfiguration config;

    public ClickHelpProducer(ClickHelpEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String path = resolvePath(message);
        boolean overwrite = message.getHeader(ClickHelpConstants.OVERWRITE, config.isOverwrite(), Boolean.class);
        String target = endpoint.targetOf(path);
        if (message.getBody() == null) {
            throw new IllegalArgumentException("The message body is null: there is nothing to upload to " + target);
        }
        try (ChunkSource opened = ChunkSources.fromBody(exchange)) {
            ChunkSource source = new SizeLimitedChunkSource(opened, config.getMaxFileSize(), target);
            long length = source.length();
            if (length == 0) {
                throw emptyBody(target);
            }
            if (length > config.getMaxFileSize()) {
                throw SizeLimitedChunkSource.tooLarge(length, config.getMaxFileSize(), target);
            }
            if (length > 0) {
                message.setHeader(ClickHelpConstants.UPLOAD_LENGTH, length);
            }

            ResumeStateStore store = null;
            String storeKey = null;
            StateRepository<String, String> repository = config.getUploadStateRepository();
            SourceIdentity identity = source.identity();
            if (repository != null && identity != null) {
                store = new ResumeStateStore(repository);
                storeKey = ResumeStateStore.key(SCHEME, identity, target);
            }
            long startOffset = resumeOffset(exchange, target, store, storeKey, length);
            if (length < 0 && startOffset == 0) {
                checkNotEmpty(source, target); // reads the first chunk before any request; it is replayed from memory
            }

            ClickHelpFile file = new Upload(exchange, path, overwrite, target, source, store, storeKey)
                    .run(startOffset, startOffset > 0 ? sessionStart(exchange, target) : null);

            message.removeHeader(ClickHelpConstants.UPLOAD_OFFSET);
            message.removeHeader(ClickHelpConstants.UPLOAD_TARGET);
            ResumePoint point = exchange.getProperty(RESUME_PROPERTY, ResumePoint.class);
            if (point != null && point.target().equals(target)) {
                exchange.removeProperty(RESUME_PROPERTY);
            }
            if (store != null) {
                store.remove(storeKey);
            }
            message.setHeader(ClickHelpConstants.UPLOAD_LENGTH, source.length() >= 0 ? source.length() : file.getSize());
            message.setHeader(ClickHelpConstants.FILE_FULL_NAME, file.getFileFullName());
            message.setBody(file);
        }
    }

    /** The CamelClickHelpFilePath header, else the URI path, else CamelFileName; checked. */
    private String resolvePath(Message message) {
        String header = message.getHeader(ClickHelpConstants.FILE_PATH, String.class);
        if (header != null && !header.isEmpty()) {
            return ClickHelpPaths.validate(header, "the " + ClickHelpConstants.FILE_PATH + " header");
        }
        if (config.getFilePath() != null && !config.getFilePath().isEmpty()) {
            return config.getFilePath();
        }
        String fileName = message.getHeader(Exchange.FILE_NAME, String.class);
        if (fileName != null && !fileName.isEmpty()) {
            return ClickHelpPaths.validate(fileName, "the " + Exchange.FILE_NAME + " header");
        }
        throw new IllegalArgumentException("The file path is empty: give it in the endpoint URI (clickhelp:storage/<path>), "
                                           + "in the " + ClickHelpConstants.FILE_PATH + " header or in the "
                                           + Exchange.FILE_NAME + " header");
    }

    /**
     * Where to resume: the offset header when it belongs to this target, else the state repository's entry for this
     * file and target, else 0 (a new upload).
     */
    private long resumeOffset(
            Exchange exchange, String target, ResumeStateStore store, String storeKey, long length) {
        Message message = exchange.getMessage();
        long offset = 0;
        String origin = null;
        Long header = message.getHeader(ClickHelpConstants.UPLOAD_OFFSET, Long.class);
        if (header != null) {
            String headerTarget = message.getHeader(ClickHelpConstants.UPLOAD_TARGET, String.class);
            if (headerTarget != null && !headerTarget.equals(target)) {
                LOG.debug("Ignoring {}={} recorded for {}: this upload goes to {}", ClickHelpConstants.UPLOAD_OFFSET, header,
                        headerTarget, target);
                message.removeHeader(ClickHelpConstants.UPLOAD_OFFSET);
                message.removeHeader(ClickHelpConstants.UPLOAD_TARGET);
            } else if (header > 0) {
                offset = header;
                origin = "the " + ClickHelpConstants.UPLOAD_OFFSET + " header";
            }
        }
        ResumePoint point = exchange.getProperty(RESUME_PROPERTY, ResumePoint.class);
        if (offset == 0 && point != null && point.target().equals(target) && point.offset() > 0
                && message.getHeader(Exchange.REDELIVERED, false, Boolean.class)) {
            offset = point.offset();
            origin = "the failed delivery of this exchange (redelivery)";
        }
        if (offset == 0 && store != null) {
            String saved = store.load(storeKey).orElse(null);
            if (saved != null) {
                try {
                    offset = Long.parseLong(saved.trim());
                    origin = "the upload state repository";
                } catch (NumberFormatException e) {
                    LOG.warn("Ignoring unreadable upload state for {}", target);
                }
            }
        }
        if (offset > 0 && length >= 0 && offset >= length) {
            LOG.warn("Cannot resume the upload to {} at byte {} from {}: the body has only {} bytes; starting over", target,
                    offset, origin, length);
            return 0;
        }
        if (offset > 0) {
            LOG.info("Resuming the upload to {} at byte {} (from {})", target, offset, origin);
        }
        return Math.max(0, offset);
    }

    /** When the session of the exchange's last upload to {@code target} started, if this exchange knows it. */
    private static Instant sessionStart(Exchange exchange, String target) {
        ResumePoint point = exchange.getProperty(RESUME_PROPERTY, ResumePoint.class);
        return point != null && point.target().equals(target) ? point.sessionStart() : null;
    }

    private void checkNotEmpty(ChunkSource source, String target) throws IOException {
        Chunk first = source.nextChunk(config.getChunkSize());
        if (first == null) {
            throw emptyBody(target);
        }
        source.seek(0);
    }

    private static IllegalArgumentException emptyBody(String target) {
        return new IllegalArgumentException("The message body is empty (0 bytes): the ClickHelp resumable upload cannot "
                                            + "express an empty file (a Content-Range needs at least one byte), so nothing was sent to "
                                            + target);
    }

    /** One upload of one exchange. */
    private final class Upload {
        private final Exchange exchange;
        private final String path;
        private final boolean overwrite;
        private final String target;
        private final ChunkSource source;
        private final ResumeStateStore store;
        private final String storeKey;
        /** Whether the server confirmed any chunk in this exchange. */
        private boolean confirmedAny;
        /** The server's clock when the session of this upload started (the POST's answer), or null if unknown. */
        private Instant sessionStart;

        Upload(Exchange exchange, String path, boolean overwrite, String target, ChunkSource source, ResumeStateStore store,
               String storeKey) {
            this.exchange = exchange;
            this.path = path;
            this.overwrite = overwrite;
            this.target = target;
            this.source = source;
            this.store = store;
            this.storeKey = storeKey;
        }

        ClickHelpFile run(long startOffset, Instant knownSessionStart) throws Exception {
            if (startOffset == 0) {
                return uploadFrom(0);
            }
            sessionStart = knownSessionStart;
            try {
                return uploadFrom(startOffset);
            } catch (HttpOperationFailedException e) {
                if (!isUnknownUpload(e) || confirmedAny) {
                    throw e;
                }
                ClickHelpFile completed = completedBefore(startOffset, e);
                if (completed != null) {
                    return completed;
                }
                LOG.warn("ClickHelp no longer knows the upload to {} that was to resume at byte {} (HTTP {}: {}); "
                         + "starting it over",
                        target, startOffset, e.getStatusCode(), e.getResponseBody());
                return uploadFrom(0);
            }
        }

        /**
         * The file, when the session this upload was to resume is gone because an earlier attempt completed it (the
         * answer to its last chunk was lost); else null, and the upload starts over. Only a file with exactly the
         * body's bytes counts, and never one that was there before this upload: with overwrite, it must have been
         * modified since the session started (when that is unknown, the upload starts over, which overwriting
         * allows); without overwrite, this upload's POST succeeded, so no file was there when it started.
         */
        private ClickHelpFile completedBefore(long startOffset, HttpOperationFailedException gone) throws Exception {
            long length = lengthByReading();
            if (length < 0) {
                return null;
            }
            Optional<ClickHelpFile> file;
            try {
                file = new CompletedUploadCheck(endpoint.client(), endpoint.retrier(), path, target).storedWithSize(length);
            } catch (Exception checkFailed) {
                // not knowing, starting over could fail with a conflict (or replace our own file): this attempt fails,
                // the resume point stays, a later one checks again
                checkFailed.addSuppressed(gone);
                throw checkFailed;
            }
            if (file.isEmpty()) {
                return null;
            }
            boolean ours = sessionStart != null ? CompletedUploadCheck.modifiedSince(file.get(), sessionStart) : !overwrite;
            if (!ours) {
                LOG.info("ClickHelp no longer knows the upload to {}; the file there has {} bytes too, but was modified {}, "
                         + "before this upload started ({}): it is not taken for this upload's",
                        target, length, file.get().getModifiedOn(), sessionStart == null ? "when is unknown" : sessionStart);
                return null;
            }
            LOG.info("ClickHelp no longer knows the upload to {} that was to resume at byte {}, but holds the file with all "
                     + "{} bytes: an earlier attempt completed it and lost the answer; the upload is complete",
                    target, startOffset, length);
            return file.get();
        }

        /** The body's length; a stream of unknown length is read to its end to learn it. */
        private long lengthByReading() throws IOException {
            while (source.length() < 0 && source.nextChunk(config.getChunkSize()) != null) {
                // only counting
            }
            return source.length();
        }

        private ClickHelpFile uploadFrom(long startOffset) throws Exception {
            Instant serverStart = sessionStart;
            if (startOffset == 0) {
                serverStart = endpoint.retrier().call("Start of the upload to " + target,
                        () -> endpoint.client().start(path, overwrite), null);
                sessionStart = serverStart;
                onConfirmed(0);
            }
            UploadTracker tracker = new UploadTracker(target, startOffset, config.getProgressListener());
            ClickHelpChunkSender sender = new ClickHelpChunkSender(endpoint.client(), endpoint.retrier(), path, target, overwrite,
                    serverStart);
            ChunkUploader uploader = new ChunkUploader(endpoint.retrier(), config.getChunkSize(),
                    Math.max(3, config.getMaxRetries() + 1));
            return uploader.upload(source, startOffset, sender, tracker, offset -> {
                confirmedAny = true;
                onConfirmed(offset);
            });
        }

        private void onConfirmed(long offset) {
            Message message = exchange.getMessage();
            exchange.setProperty(RESUME_PROPERTY, new ResumePoint(target, offset, sessionStart));
            message.setHeader(ClickHelpConstants.UPLOAD_OFFSET, offset);
            message.setHeader(ClickHelpConstants.UPLOAD_TARGET, target);
            if (source.length() >= 0) {
                message.setHeader(ClickHelpConstants.UPLOAD_LENGTH, source.length());
            }
            if (store != null && offset > 0) {
                store.save(storeKey, Long.toString(offset));
            }
        }
    }

    /**
     * Whether the server's answer to the first chunk of a resumed upload means it has no such upload (any more): it
     * then has to start over with a POST. Authentication and permission failures are not that.
     */
    static boolean isUnknownUpload(HttpOperationFailedException e) {
        int status = e.getStatusCode();
        return status == 400 || status == 404 || status == 410 || status == 416;
    }
}
