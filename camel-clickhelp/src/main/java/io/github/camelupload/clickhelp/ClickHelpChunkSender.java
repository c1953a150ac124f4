package io.github.camelupload.clickhelp;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import io.github.camelupload.support.engine.ChunkOutcome;
import io.github.camelupload.support.engine.ChunkSender;
import io.github.camelupload.support.engine.UploadProtocolException;
import io.github.camelupload.support.retry.Retrier;
import io.github.camelupload.support.retry.RetryPolicy;
import io.github.camelupload.support.source.Chunk;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one chunk with {@code PUT} and reads what the server holds afterwards: a {@code 202} continues at the offset
 * its {@code Range} (else {@code Content-Range}) confirms, a {@code 201} completes the upload.
 * <p>
 * A lost final response is recovered: when the last chunk fails with an I/O error (or, after such an error, its
 * retry is refused because the upload is already gone), {@code GET storage/{path}} tells whether the file is there
 * with the expected size; if so the upload succeeded, otherwise the failure stands and the retry goes on.
 * <p>
 * When the upload overwrites, a file of the expected size may also be the one being replaced. Right after the I/O
 * error the file then only counts when ClickHelp modified it at or after the start of this upload (its
 * {@code modifiedOn} against the {@code Date} of the server's first answer, both the server's clock); otherwise the
 * last chunk is sent again, and the server's answer decides.
 */
final class ClickHelpChunkSender implements ChunkSender<ClickHelpFile> {

    private static final Logger LOG = LoggerFactory.getLogger(ClickHelpChunkSender.class);

    private final ClickHelpClient client;
    private final Retrier retrier;
    private final String path;
    private final String target;
    private final boolean overwrite;
    private final CompletedUploadCheck check;
    /**
     * The server's clock at the start of this upload's session: the Date of the answer to its POST, or, when a
     * resumed upload does not know it, of the first PUT.
     */
    private Instant serverStart;
    /** The last offset the server itself confirmed with a header (0 until it does). */
    private long serverConfirmed;
    /** Whether a PUT of the last chunk already failed in transit: its 201 may have been lost. */
    private boolean lastChunkFailedInTransit;

    /**
     * @param serverStart the Date of the server's answer to the POST that started this upload's session; null when
     *                    unknown (resumed from a header or the state repository)
     */
    ClickHelpChunkSender(ClickHelpClient client, Retrier retrier, String path, String target, boolean overwrite,
                         Instant serverStart) {
        this.client = client;
        this.retrier = retrier;
        this.path = path;
        this.target = target;
        this.overwrite = overwrite;
        this.serverStart = serverStart;
        this.check = new CompletedUploadCheck(client, retrier, path, target);
    }

    @Override
    public ChunkOutcome<ClickHelpFile> send(Chunk chunk) throws Exception {
        ClickHelpClient.ChunkReply reply;
        try {
            reply = client.putChunk(path, chunk);
        } catch (UploadProtocolException e) {
            throw e;
        } catch (IOException e) {
            if (chunk.isLast()) {
                lastChunkFailedInTransit = true;
                ClickHelpFile stored = storedWithSize(chunk.end(), e, false);
                if (stored != null) {
                    return ChunkOutcome.completed(chunk.end(), stored);
                }
            }
            throw e;
        } catch (HttpOperationFailedException e) {
            if (chunk.isLast() && lastChunkFailedInTransit && !RetryPolicy.isRetryableStatus(e.getStatusCode())) {
                ClickHelpFile stored = storedWithSize(chunk.end(), e, true);
                if (stored != null) {
                    return ChunkOutcome.completed(chunk.end(), stored);
                }
            }
            throw e;
        }
        if (serverStart == null) {
            serverStart = reply.serverDate();
        }
        int status = reply.status();
        if (status == 202) {
            // no progress header: the server confirms nothing beyond what it last confirmed
            long confirmed = reply.hasProgress() ? reply.confirmedEnd() : serverConfirmed;
            serverConfirmed = confirmed;
            return ChunkOutcome.confirmed(confirmed);
        }
        if (status == 200 || status == 201 || status == 204) {
            if (!chunk.isLast()) {
                throw new UploadProtocolException("ClickHelp reported the upload to " + target + " complete (HTTP " + status
                                                  + ") after byte " + (chunk.end() - 1) + ", but the body goes on");
            }
            ClickHelpFile file = reply.file();
            if (file == null) {
                file = describeAfterCompletion(chunk.end());
            }
            if (file.getSize() != chunk.end()) {
                LOG.warn("ClickHelp completed the upload to {} but describes it with {} bytes; {} were sent", target,
                        file.getSize(), chunk.end());
            }
            return ChunkOutcome.completed(chunk.end(), file);
        }
        throw new UploadProtocolException(
                "ClickHelp answered a chunk of the upload to " + target + " with an unexpected HTTP " + status);
    }

    /**
     * Whether the file is in Storage with {@code size} bytes (so the last chunk's answer was lost, not the chunk):
     * the descriptor, or null. A failure of the check is added to {@code failure} and reads as "not there".
     *
     * @param uploadGone whether the server has just said it knows no such upload (any more)
     */
    private ClickHelpFile storedWithSize(long size, Exception failure, boolean uploadGone) {
        try {
            Optional<ClickHelpFile> file = check.storedWithSize(size);
            if (file.isPresent()) {
                if (overwrite && !uploadGone && !CompletedUploadCheck.modifiedSince(file.get(), serverStart)) {
                    LOG.debug("After a lost answer to the last chunk, {} has the expected size but was last modified {} "
                              + "(this upload started {}): it may be the file being replaced; the chunk is sent again",
                            target, file.get().getModifiedOn(), serverStart);
                    return null;
                }
                LOG.info("The answer to the last chunk of the upload to {} was lost ({}), but ClickHelp has the file with "
                         + "all {} bytes: the upload is complete",
                        target, failure.getClass().getSimpleName(), size);
                return file.get();
            }
            LOG.debug("After a lost answer to the last chunk, {} is not there with {} bytes (yet)", target, size);
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
        return null;
    }

    /** A completion answer without a descriptor: ask for it; if that fails, describe the file from what was sent. */
    private ClickHelpFile describeAfterCompletion(long size) {
        try {
            Optional<ClickHelpFile> file = retrier.call("Description of " + target, () -> client.describe(path), null);
            if (file.isPresent()) {
                return file.get();
            }
        } catch (Exception e) {
            LOG.debug("Could not read the descriptor of {} after the upload completed: {}", target, e.toString());
        }
        int slash = path.lastIndexOf('/');
        return new ClickHelpFile(path.substring(slash + 1), "Storage\\" + path.replace('/', '\\'), false, null, null, size);
    }
}
