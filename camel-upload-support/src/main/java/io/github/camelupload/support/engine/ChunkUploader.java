package io.github.camelupload.support.engine;

import io.github.camelupload.support.retry.Retrier;
import io.github.camelupload.support.source.Chunk;
import io.github.camelupload.support.source.ChunkSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop both protocols share: send the chunk that starts at the offset the server has confirmed, retry it when
 * the failure is worth it, move on to whatever offset the server confirms next (which may be behind what was sent),
 * until the server says the upload is complete.
 * <p>
 * It never loops forever: a server that confirms no progress {@code maxAttemptsWithoutProgress} times (an answer
 * that stays put or goes back, before the server confirms more than it ever did), confirms bytes that were never
 * sent, or stops short of completing when no byte is left, ends the upload with an {@link UploadProtocolException}.
 * The one exception to "never sent": the first answer of a resumed upload may confirm more than the resume point plus
 * one chunk (up to the body's length), since a saved resume point can lag behind the server; the upload continues
 * there.
 */
public final class ChunkUploader {

    private static final Logger LOG = LoggerFactory.getLogger(ChunkUploader.class);

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
        long highest = startOffset; // the most the server has ever confirmed: progress means going beyond it
        long sentEnd = startOffset; // the end of the furthest chunk sent
        boolean resumeAnswered = startOffset == 0; // a resumed upload's first answer may find the server further on
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
            sentEnd = Math.max(sentEnd, chunk.end());
            long next = outcome.confirmedOffset();
            boolean serverAheadOfResumePoint = !resumeAnswered && next > sentEnd
                                               && (source.length() < 0 || next <= source.length());
            resumeAnswered = true;
            if (next < 0 || next > sentEnd && !serverAheadOfResumePoint) {
                throw new UploadProtocolException("The server confirmed " + next + " bytes of " + tracker.target()
                                                  + ", but only " + sentEnd + " were sent"
                                                  + (source.length() >= 0 ? " (of " + source.length() + ")" : ""));
            }
            if (serverAheadOfResumePoint) {
                // the saved resume point lags behind (e.g. the answer to the last chunk was lost): no need to resend
                LOG.info("The server already holds {} bytes of {}, more than the resume point {}: continuing there", next,
                        tracker.target(), startOffset);
            }
            if (next > highest) {
                highest = next;
                withoutProgress = 0;
            } else if (next <= confirmed && ++withoutProgress >= maxAttemptsWithoutProgress) {
                // only answers that stay or go back count: re-sending what a server lost is fine, a server that
                // keeps going back (or never moves) is not
                throw new UploadProtocolException("The server made no progress on " + tracker.target() + " after "
                                                  + withoutProgress + " attempts: it confirms " + next
                                                  + " bytes, having confirmed " + highest
                                                  + " before. The upload stops here and can be resumed later.");
            }
            confirmed = next;
            if (confirmations != null) {
                confirmations.onConfirmed(confirmed);
            }
            tracker.confirmed(confirmed, chunk.isLast() ? chunk.end() : source.length());
        }
    }
}
