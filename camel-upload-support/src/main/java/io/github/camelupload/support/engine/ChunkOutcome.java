package io.github.camelupload.support.engine;

/**
 * What the server said about one chunk: either how many bytes of the upload it now holds, or that the upload is
 * complete, with the protocol's final result.
 */
public record ChunkOutcome<R>(long confirmedOffset, R result) {

    /** The server holds the bytes before {@code confirmedOffset}; the upload goes on. */
    public static <R> ChunkOutcome<R> confirmed(long confirmedOffset) {
        return new ChunkOutcome<>(confirmedOffset, null);
    }

    /** The upload is complete. */
    public static <R> ChunkOutcome<R> completed(long totalBytes, R result) {
        if (result == null) {
            throw new IllegalArgumentException("A completed upload needs its result");
        }
        return new ChunkOutcome<>(totalBytes, result);
    }

    public boolean isCompleted() {
        return result != null;
    }
}
