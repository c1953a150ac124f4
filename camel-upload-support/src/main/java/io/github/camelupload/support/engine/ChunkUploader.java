package io.github.camelupload.support.engine;

import io.github.camelupload.support.retry.Retrier;
import io.github.camelupload.support.source.Chunk;
import io.github.camelupload.support.source.ChunkSource;

/**
 * The loop both protocols share: send the chunk that starts at the offset the server has confirmed, retry it when
 * the failure is worth it, move on to whatever offset the server confirms next (which may be behind what was sent),
 * until the server says the upload is complete.
 * <p>
 * It never loops forever: a server that confirms no progress for {@code maxAttemptsWithoutProgress} chunks in a
 * row, confirms bytes that were never sent, or stops short of completing when no byte is left, ends the upload with
 * an {@link UploadProtocolException}.
 */
public final class ChunkUploader {

    /** Told after every confirmed chunk, before the next is sent: where a component saves its resume state. */
    @FunctionalInterface
    public interface ConfirmationListener {
        void onConfirmed(long confirmedOffset) throws Exception;
    }

    private final Retrier retrier;
    private final long chunkSize;
    private final int maxAttemptsWithoutProgress;

    public ChunkUploader(Retrier retrier, long chunkSize, int maxAttemptsWithoutProgress) {
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("chunkSize must be positive, was " + chunkSize);
        }
        this.retrier = retrier;
        this.chunkSize = chunkSize;
        this.maxAttemptsWithoutProgress = Math.max(1, maxAttemptsWithoutProgress);
    }

    /**
     * Uploads the source from {@code startOffset} on.
     *
     * @return the protocol's final result
     */
    public <R> R upload(ChunkSource source, long startOffset, ChunkSender<R> sender, UploadTracker tracker,
            ConfirmationListener confirmations)
            throws Exception {
        long confirmed = startOffset;
        int withoutProgress = 0;
        while (true) {
            if (source.position() != confirmed) {
                source.seek(confirmed);
            }
            Chunk read = source.nextChunk(chunkSize);
            Chunk chunk = read == null && confirmed == 0 && source.length() == 0 ? Chunk.empty() : read;
            if (chunk == null) {
                throw new UploadProtocolException("The server confirmed all " + confirmed
                                                  + " bytes but did not complete the upload of " + tracker.target());
            }
            ChunkOutcome<R> outcome = retrier.call("Upload of bytes " + chunk.offset() + "-" + (chunk.end() - 1) + " to "
                                                   + tracker.target(),
                    () -> sender.send(chunk), (retry, failure, delay) -> tracker.retried(failure));
            if (outcome.isCompleted()) {
                tracker.completed(chunk.end());
                return outcome.result();
            }
            long next = outcome.confirmedOffset();
            if (next > chunk.end() || next < 0) {
                throw new UploadProtocolException("The server confirmed " + next + " bytes of " + tracker.target()
                                                  + ", but only " + chunk.end() + " were sent");
            }
            if (next <= confirmed) {
                if (++withoutProgress >= maxAttemptsWithoutProgress) {
                    throw new UploadProtocolException("The server made no progress on " + tracker.target() + " after "
                                                      + withoutProgress + " attempts: it still confirms " + next
                                                      + " bytes. The upload stops here and can be resumed later.");
                }
            } else {
                withoutProgress = 0;
            }
            confirmed = next;
            if (confirmations != null) {
                confirmations.onConfirmed(confirmed);
            }
            tracker.confirmed(confirmed, chunk.isLast() ? chunk.end() : source.length());
        }
    }
}
