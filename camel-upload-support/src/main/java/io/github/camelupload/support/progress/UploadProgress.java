package io.github.camelupload.support.progress;

/**
 * Where an upload stands after a confirmed chunk.
 *
 * @param target         what is being written (e.g. the storage path or file name); never holds a secret
 * @param bytesConfirmed bytes the server has confirmed so far
 * @param totalBytes     total bytes of the upload, or -1 while unknown
 * @param retries        requests retried so far in this upload
 * @param resumedFrom    offset the upload resumed from (0 when it started from scratch)
 * @param done           whether the upload has completed
 */
public record UploadProgress(String target, long bytesConfirmed, long totalBytes, int retries, long resumedFrom,
                             boolean done) {

    /** Fraction done between 0 and 1, or -1 while the total is unknown. */
    public double fraction() {
        if (totalBytes < 0) {
            return -1;
        }
        return totalBytes == 0 ? 1 : (double) bytesConfirmed / totalBytes;
    }
}
