package io.github.camelupload.clickhelp;

import java.time.Instant;
import java.util.Optional;

import io.github.camelupload.support.retry.Retrier;

/**
 * Tells whether an upload whose final answer never arrived completed after all: the resumable protocol has no
 * upload id and no "status" call, so the only evidence is the file itself ({@code GET storage/{path}}): there, not a
 * folder, with exactly the bytes this upload sent.
 * <p>
 * The size alone cannot tell this upload's file from an older one of the same size that it replaces; the
 * modification time can: ClickHelp sets {@code modifiedOn} when it completes an upload, so a file modified before
 * this upload's session started (both instants by the server's clock: {@code modifiedOn} against the {@code Date}
 * of the answer that started the session) is not this upload's.
 */
final class CompletedUploadCheck {

    private final ClickHelpClient client;
    private final Retrier retrier;
    private final String path;
    private final String target;

    CompletedUploadCheck(ClickHelpClient client, Retrier retrier, String path, String target) {
        this.client = client;
        this.retrier = retrier;
        this.path = path;
        this.target = target;
    }

    /** The descriptor when the file is in Storage with exactly {@code size} bytes; the GET is retried as configured. */
    Optional<ClickHelpFile> storedWithSize(long size) throws Exception {
        Optional<ClickHelpFile> file = retrier.call("Check of " + target, () -> client.describe(path), null);
        return file.filter(f -> !f.isFolder() && f.getSize() == size);
    }

    /** Whether ClickHelp last modified the file at or after {@code sessionStart}; false when either is unknown. */
    static boolean modifiedSince(ClickHelpFile file, Instant sessionStart) {
        Instant modified = file.getModifiedOnInstant();
        return sessionStart != null && modified != null && !modified.isBefore(sessionStart);
    }
}
