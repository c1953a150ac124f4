package io.github.camelupload.support.progress;

/**
 * Called after every chunk the server confirms, and once more when the upload completes. Runs on the uploading
 * thread: keep it quick, and do not throw (an exception is logged and ignored, it never fails an upload).
 */
@FunctionalInterface
public interface UploadProgressListener {

    void onProgress(UploadProgress progress);
}
