package io.github.camelupload.contentisland;

import java.io.IOException;
import java.util.Optional;

import io.github.camelupload.support.engine.ChunkOutcome;
import io.github.camelupload.support.engine.ChunkSender;
import io.github.camelupload.support.engine.ChunkUploader;
import io.github.camelupload.support.engine.UploadProtocolException;
import io.github.camelupload.support.engine.UploadTracker;
import io.github.camelupload.support.resume.ResumeStateStore;
import io.github.camelupload.support.retry.Retrier;
import io.github.camelupload.support.source.ChunkSource;
import io.github.camelupload.support.source.ChunkSources;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.hc.core5.http.ContentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one upload of a body of known length: picks the mode and the chunking, finds saved state to resume from, and
 * drives the engine's chunk loop with the {@link ContentIslandClient}. The state of a chunked upload is written to
 * the message (and to the state repository, when there is one) after every confirmed chunk.
 */
final class ContentIslandUploader {

    private static final Logger LOG = LoggerFactory.getLogger(ContentIslandUploader.class);
    private static final long MIB = 1024L * 1024L;
    /** The chunk loop stops when a chunk is confirmed without progress this often in a row (cannot happen here). */
    private static final int MAX_ATTEMPTS_WITHOUT_PROGRESS = 3;

    /** What to upload, resolved from the exchange and the endpoint before any request. */
    record Job(ChunkSource source, String fileName, ContentType contentType, ContentIslandUploadMode mode,
               UploadState headerState, UploadState propertyState, String target, Exchange exchange) {
    }

    private final ContentIslandClient client;
    private final ContentIslandConfiguration config;
    private final Retrier retrier;

    ContentIslandUploader(ContentIslandClient client, ContentIslandConfiguration config, Retrier retrier) {
        this.client = client;
        this.config = config;
        this.retrier = retrier;
    }

    /** Number of chunks of a body: an empty body still takes one (empty) chunk. */
    static int chunkCount(long size, long chunkSize) {
        long count = size == 0 ? 1 : (size + chunkSize - 1) / chunkSize;
        return count > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) count;
    }

    /**
     * The configured chunk size, grown (to a whole number of MiB) when the body would need more than 10,000 chunks.
     *
     * @throws IllegalArgumentException when even 10,000 chunks of the largest size cannot hold the body
     */
    static long chunkSizeFor(long size, long configured) {
        if (chunkCount(size, configured) <= ContentIslandConfiguration.MAX_CHUNKS) {
            return configured;
        }
        long needed = (size + ContentIslandConfiguration.MAX_CHUNKS - 1) / ContentIslandConfiguration.MAX_CHUNKS;
        long grown = Math.min((needed + MIB - 1) / MIB * MIB, ContentIslandConfiguration.MAX_CHUNK_SIZE);
        if (grown < needed) {
            throw new IllegalArgumentException("The body of " + size + " bytes is too large for ContentIsland: "
                                               + ContentIslandConfiguration.MAX_CHUNKS + " chunks of at most "
                                               + ContentIslandConfiguration.MAX_CHUNK_SIZE + " bytes hold "
                                               + ContentIslandConfiguration.MAX_CHUNKS
                                                 * ContentIslandConfiguration.MAX_CHUNK_SIZE
                                               + " bytes");
        }
        return grown;
    }

    UploadedResource upload(Job job) throws Exception {
        long size = job.source().length();
        ResumeStateStore store = config.getUploadStateRepository() != null && job.source().identity() != null
                ? new ResumeStateStore(config.getUploadStateRepository()) : null;
        String key = store == null ? null : ResumeStateStore.key("contentisland", job.source().identity(), job.target());

        if (job.mode() == ContentIslandUploadMode.simple) {
            checkSimpleLimit(size);
            return simple(job, size);
        }
        UploadState saved = savedState(job, size, store, key);
        if (job.mode() == ContentIslandUploadMode.auto && saved == null && size <= config.getSimpleUploadLimit()) {
            return simple(job, size);
        }
        UploadState start = saved;
        if (start == null) {
            long chunkSize = chunkSizeFor(size, config.getChunkSize());
            if (chunkSize != config.getChunkSize()) {
                LOG.info("The upload of {} ({} bytes) would need more than {} chunks of {} bytes: using chunks of {} bytes",
                        job.target(), size, ContentIslandConfiguration.MAX_CHUNKS, config.getChunkSize(), chunkSize);
            }
            start = UploadState.start(chunkSize, chunkCount(size, chunkSize), job.target());
        }
        return chunked(job, start, store, key);
    }

    private void checkSimpleLimit(long size) {
        if (size > config.getSimpleUploadLimit()) {
            throw new IllegalArgumentException("The body has " + size + " bytes, more than the simpleUploadLimit of "
                                               + config.getSimpleUploadLimit()
                                               + " bytes allowed in uploadMode=simple: use uploadMode=chunked or auto");
        }
    }

    private UploadedResource simple(Job job, long size) throws Exception {
        try (ChunkSource whole = ChunkSources.positional(job.source(), null)) {
            LOG.debug("Simple upload of {} ({} bytes, {})", job.target(), size, job.contentType());
            UploadTracker tracker = new UploadTracker(job.target(), 0, config.getProgressListener());
            ChunkSender<UploadedResource> sender = chunk -> ChunkOutcome.completed(chunk.end(),
                    client.uploadFile(chunk, job.fileName(), job.contentType()));
            return new ChunkUploader(retrier, Math.max(1, size), MAX_ATTEMPTS_WITHOUT_PROGRESS)
                    .upload(whole, 0, sender, tracker, null);
        }
    }

    private UploadedResource chunked(Job job, UploadState start, ResumeStateStore store, String key) throws Exception {
        ChunkSource source = job.source();
        if (start.chunkIndex() > 0) {
            LOG.info("Resuming the chunked upload of {} at chunk {} of {}", job.target(), start.chunkIndex(),
                    start.totalChunks());
        } else {
            LOG.debug("Chunked upload of {}: {} chunks of {} bytes", job.target(), start.totalChunks(), start.chunkSize());
        }
        int restartsLeft = Math.max(1, config.getMaxRetries());
        UploadState from = start;
        while (true) {
            ChunkRun run = new ChunkRun(job, from, store, key);
            HttpOperationFailedException rejection;
            String why;
            try {
                return run.go(source);
            } catch (HttpOperationFailedException e) {
                if (from.chunkIndex() == 0 || e.getStatusCode() != 400 || run.confirmedInThisRun > 0) {
                    throw e;
                }
                rejection = e;
                why = "ContentIsland rejected the saved state of the upload at chunk " + from.chunkIndex() + " ("
                      + e.getStatusText() + ")";
            } catch (FinalResponseLost e) {
                rejection = e.rejection;
                why = "the response to the last chunk was lost (or was a server error), and ContentIsland no longer knows "
                      + "the upload (" + e.rejection.getStatusText() + "): it has most likely completed (or failed to "
                      + "complete), and its name and url cannot be looked up";
            }
            run.forget();
            if (restartsLeft-- <= 0) {
                LOG.warn("The upload of {} failed: {}; it was restarted too often already", job.target(), why);
                throw rejection;
            }
            if (!source.canSeek(0)) {
                LOG.warn("The upload of {} has to start over from chunk 0 because {}, but the stream body cannot go back: "
                         + "the state was cleared, so the next attempt starts over", job.target(), why);
                throw rejection;
            }
            LOG.warn("Starting the upload of {} over from chunk 0: {}", job.target(), why);
            from = UploadState.start(from.chunkSize(), from.totalChunks(), job.target());
        }
    }

    /**
     * The last chunk was sent, its answer never arrived (an I/O error) or was a server error, and the same chunk sent
     * again was rejected with 400: the server most likely completed the upload with the first copy (or failed while
     * completing it) and forgot the uploadId.
     */
    static final class FinalResponseLost extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient HttpOperationFailedException rejection;

        FinalResponseLost(HttpOperationFailedException rejection) {
            super(rejection.getMessage(), rejection, false, false);
            this.rejection = rejection;
        }
    }

    /** One pass of the chunk loop from a given state. */
    private final class ChunkRun {
        private final Job job;
        private final ResumeStateStore store;
        private final String key;
        private UploadState state;
        private int confirmedInThisRun;
        /** The last chunk was sent and failed with an I/O error or a 5xx: the server may have completed the upload. */
        private boolean lastChunkUnanswered;

        ChunkRun(Job job, UploadState state, ResumeStateStore store, String key) {
            this.job = job;
            this.state = state;
            this.store = store;
            this.key = key;
        }

        UploadedResource go(ChunkSource source) throws Exception {
            UploadTracker tracker = new UploadTracker(job.target(), state.nextOffset(), config.getProgressListener());
            ChunkSender<UploadedResource> sender = chunk -> {
                if (chunk.offset() != state.nextOffset()) {
                    throw new IllegalStateException("Chunk at byte " + chunk.offset() + " does not match the upload state " + state);
                }
                ChunkOptions options = state.optionsFor(chunk.length());
                if (options.isLast() != chunk.isLast()) {
                    throw new IllegalStateException("Chunk " + chunk + " does not match the chunking of " + state);
                }
                ContentIslandClient.ChunkReply reply;
                try {
                    reply = client.uploadChunk(chunk, options, job.fileName(), job.contentType());
                } catch (IOException e) {
                    lastChunkUnanswered |= chunk.isLast();
                    throw e;
                } catch (HttpOperationFailedException e) {
                    if (e.getStatusCode() == 400 && chunk.isLast() && lastChunkUnanswered) {
                        throw new FinalResponseLost(e);
                    }
                    lastChunkUnanswered |= chunk.isLast() && e.getStatusCode() >= 500;
                    throw e;
                }
                if (reply.isFinal()) {
                    if (!chunk.isLast()) {
                        throw new UploadProtocolException("ContentIsland completed the upload of " + job.target()
                                                                         + " after chunk " + options.chunkIndex() + " of "
                                                                         + options.totalChunks());
                    }
                    return ChunkOutcome.completed(chunk.end(), reply.resource());
                }
                if (chunk.isLast()) {
                    throw new UploadProtocolException("ContentIsland did not complete the upload of "
                                                                     + job.target() + " after its last chunk ("
                                                                     + options.chunkIndex() + " of " + options.totalChunks()
                                                                     + "): no {name, url} in the response");
                }
                UploadState next = state.confirmed(reply);
                if (next.uploadId() == null) {
                    throw new UploadProtocolException("ContentIsland answered chunk " + options.chunkIndex()
                                                                     + " of " + job.target() + " without an uploadId");
                }
                state = next;
                confirmedInThisRun++;
                return ChunkOutcome.confirmed(chunk.end());
            };
            ChunkUploader.ConfirmationListener confirmations = offset -> {
                state.writeTo(job.exchange());
                if (store != null) {
                    store.save(key, state.toJson());
                }
            };
            UploadedResource resource = new ChunkUploader(retrier, state.chunkSize(), MAX_ATTEMPTS_WITHOUT_PROGRESS)
                    .upload(source, state.nextOffset(), sender, tracker, confirmations);
            if (store != null) {
                store.remove(key);
            }
            return resource;
        }

        /** Drops the state everywhere: the next attempt starts over. */
        void forget() {
            UploadState.clear(job.exchange());
            if (store != null) {
                store.remove(key);
            }
        }
    }

    /**
     * The state to resume from: the exchange property this producer keeps (the latest state of this exchange, which
     * Camel's redelivery does not roll back), then the message's headers, then the state repository. State recorded
     * for another target, or for a body of another size, is dropped with a WARN and the upload starts over.
     */
    private UploadState savedState(Job job, long size, ResumeStateStore store, String key) {
        UploadState fromProperty = job.propertyState();
        if (fromProperty != null && fromProperty.chunkIndex() > 0 && mismatch(fromProperty, job.target(), size) == null) {
            return fromProperty;
        }
        UploadState fromHeaders = job.headerState();
        if (fromHeaders != null) {
            String reason = mismatch(fromHeaders, job.target(), size);
            if (reason == null) {
                return fromHeaders.chunkIndex() > 0 ? fromHeaders : null;
            }
            LOG.warn("Ignoring the chunked-upload state headers of the exchange ({}); the upload of {} starts over", reason,
                    job.target());
            UploadState.clear(job.exchange());
        }
        if (store == null) {
            return null;
        }
        Optional<String> json = store.load(key);
        if (json.isEmpty()) {
            return null;
        }
        try {
            UploadState saved = UploadState.fromJson(json.get());
            String reason = mismatch(saved, job.target(), size);
            if (reason == null) {
                return saved.chunkIndex() > 0 ? saved : null;
            }
            LOG.warn("Ignoring the saved state of the upload of {} ({}); it starts over", job.target(), reason);
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring the saved state of the upload of {} ({}); it starts over", job.target(), e.getMessage());
        }
        store.remove(key);
        return null;
    }

    private static String mismatch(UploadState state, String target, long size) {
        if (state.target() != null && !state.target().equals(target)) {
            return "they were recorded for " + state.target();
        }
        if (!state.fits(size)) {
            return "they describe " + state.totalChunks() + " chunks of " + state.chunkSize() + " bytes, which does not fit a body of "
                   + size + " bytes";
        }
        return null;
    }

}
