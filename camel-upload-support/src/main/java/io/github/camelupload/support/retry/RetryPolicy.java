package io.github.camelupload.support.retry;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import javax.net.ssl.SSLException;

import io.github.camelupload.support.engine.UploadProtocolException;
import io.github.camelupload.support.source.UnseekableSourceException;

import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Which failures are worth another try, and how long to wait before it: exponential backoff with jitter, capped,
 * and the server's {@code Retry-After} when it sends one.
 * <p>
 * Retried: I/O errors (a dropped connection, a timeout), 408, 429 and 5xx except 501. Never retried: every other
 * status (400, 401, 403, 404, 409, 413...: sending the same request again cannot succeed), an unknown host, TLS
 * failures (a certificate problem does not go away by itself), a server that breaks the protocol, and a source that
 * cannot go back to where the server wants it.
 */
public final class RetryPolicy {

    private final int maxRetries;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final DoubleSupplier random;
    private final Clock clock;

    /**
     * @param maxRetries   retries after the first attempt (0 = no retry)
     * @param initialDelay delay before the first retry; doubles for every further retry
     * @param maxDelay     cap of any delay, also of a server's {@code Retry-After}
     */
    public RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay) {
        this(maxRetries, initialDelay, maxDelay, () -> ThreadLocalRandom.current().nextDouble(), Clock.systemUTC());
    }

    /** For tests: a fixed random source and clock. */
    public RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, DoubleSupplier random, Clock clock) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
        }
        if (initialDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("Retry delays must not be negative");
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException(
                    "maxRetryDelay (" + maxDelay.toMillis() + " ms) must not be below retryDelay (" + initialDelay.toMillis()
                                               + " ms)");
        }
        this.maxRetries = maxRetries;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.random = random;
        this.clock = clock;
    }

    public int maxRetries() {
        return maxRetries;
    }

    /** Whether an HTTP status is worth retrying. */
    public static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || (status >= 500 && status <= 599 && status != 501);
    }

    /** Whether a failure is worth retrying. */
    public static boolean isRetryable(Throwable failure) {
        if (failure instanceof HttpOperationFailedException http) {
            return isRetryableStatus(http.getStatusCode());
        }
        if (failure instanceof UnknownHostException || failure instanceof SSLException
                || failure instanceof UploadProtocolException || failure instanceof UnseekableSourceException) {
            return false; // sending the same request again cannot fix these
        }
        if (failure.getClass() == InterruptedIOException.class) {
            return false; // the thread was interrupted (shutdown); its subclasses are timeouts, worth a retry
        }
        return failure instanceof IOException;
    }

    /**
     * The delay before retry number {@code retry} (1 for the first retry) after {@code failure}: the server's
     * {@code Retry-After} when present, else {@code initialDelay * 2^(retry-1)} with "equal jitter" (between half and
     * all of it, so clients that failed together do not come back together); always capped at {@code maxDelay}.
     */
    public Duration delayBefore(int retry, Throwable failure) {
        Duration retryAfter = failure instanceof HttpOperationFailedException http
                ? RetryAfter.parse(header(http.getResponseHeaders(), "Retry-After"), clock)
                : null;
        if (retryAfter != null) {
            return min(retryAfter, maxDelay);
        }
        double exponential = initialDelay.toMillis() * Math.pow(2, Math.max(0, retry - 1));
        long capped = (long) Math.min(exponential, maxDelay.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (name.equalsIgnoreCase(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxRetries=" + maxRetries + ", initialDelay=" + initialDelay.toMillis() + "ms, maxDelay="
               + maxDelay.toMillis() + "ms]";
    }
}
