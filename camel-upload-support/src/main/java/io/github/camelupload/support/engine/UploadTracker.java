package io.github.camelupload.support.engine;

import io.github.camelupload.support.progress.UploadProgress;
import io.github.camelupload.support.progress.UploadProgressListener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the figures of one upload (confirmed bytes, retries, where it resumed) and tells the progress listener and
 * the debug log about them. A listener that throws is logged and ignored: progress must never fail an upload.
 */
public final class UploadTracker {

    private static final Logger LOG = LoggerFactory.getLogger(UploadTracker.class);

    private final String target;
    private final long resumedFrom;
    private final UploadProgressListener listener;
    private int retries;
    private long confirmed;
    private long total = -1;

    /**
     * @param target      what is uploaded where, for logs and listeners; must hold no secret
     * @param resumedFrom the offset the upload starts from (0 when new)
     */
    public UploadTracker(String target, long resumedFrom, UploadProgressListener listener) {
        this.target = target;
        this.resumedFrom = resumedFrom;
        this.listener = listener;
        this.confirmed = resumedFrom;
    }

    void retried(Throwable failure) {
        retries++;
    }

    void confirmed(long offset, long totalBytes) {
        confirmed = offset;
        total = totalBytes;
        LOG.debug("{}: {} of {} bytes confirmed", target, offset, totalBytes < 0 ? "?" : totalBytes);
        notifyListener(false);
    }

    void completed(long totalBytes) {
        confirmed = totalBytes;
        total = totalBytes;
        LOG.debug("{}: upload of {} bytes completed ({} retries{})", target, totalBytes, retries,
                resumedFrom > 0 ? ", resumed from byte " + resumedFrom : "");
        notifyListener(true);
    }

    private void notifyListener(boolean done) {
        if (listener == null) {
            return;
        }
        try {
            listener.onProgress(new UploadProgress(target, confirmed, total, retries, resumedFrom, done));
        } catch (RuntimeException e) {
            LOG.warn("The upload progress listener failed for {}; the upload goes on", target, e);
        }
    }

    public int retries() {
        return retries;
    }

    public long resumedFrom() {
        return resumedFrom;
    }

    public String target() {
        return target;
    }
}
