package io.github.camelupload.support.retry;

import java.io.InterruptedIOException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one request with the retries its {@link RetryPolicy} allows. */
public final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    /** A request that may fail with an I/O error or an HTTP failure. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws Exception;
    }

    /** Told about each retry, e.g. to count them. */
    @FunctionalInterface
    public interface RetryListener {
        void onRetry(int retry, Throwable failure, Duration delay);
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;

    public Retrier(RetryPolicy policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
    }

    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Runs the attempt until it succeeds, fails in a way not worth retrying, or the retries are used up; then the
     * last failure is thrown as it is.
     */
    public <T> T call(String what, Attempt<T> attempt, RetryListener listener) throws Exception {
        for (int retry = 1;; retry++) {
            try {
                return attempt.run();
            } catch (Exception failure) {
                if (retry > policy.maxRetries() || !RetryPolicy.isRetryable(failure)) {
                    throw failure;
                }
                Duration delay = policy.delayBefore(retry, failure);
                LOG.debug("{} failed ({}); retry {} of {} in {} ms", what, describe(failure), retry, policy.maxRetries(),
                        delay.toMillis());
                if (listener != null) {
                    listener.onRetry(retry, failure, delay);
                }
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    InterruptedIOException interrupted = new InterruptedIOException("Interrupted while waiting to retry " + what);
                    interrupted.addSuppressed(failure);
                    throw interrupted;
                }
            }
        }
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + (failure.getMessage() != null ? ": " + failure.getMessage() : "");
    }
}
