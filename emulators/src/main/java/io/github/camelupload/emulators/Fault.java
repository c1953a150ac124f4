package io.github.camelupload.emulators;

import java.time.Duration;
import java.util.Objects;

/**
 * One misbehaviour an emulator can be told to show for one request. Create instances with the static factories and
 * schedule them with {@link FaultPlan}.
 *
 * @param kind the fault family
 * @param bytes for {@link Kind#DROP_CONNECTION} the body bytes read before the connection is dropped; for
 *              {@link Kind#PARTIAL_CHUNK} the chunk bytes kept; otherwise 0
 * @param status for {@link Kind#STATUS} and {@link Kind#TOO_MANY_REQUESTS} the status answered; otherwise 0
 * @param retryAfterSeconds for {@link Kind#TOO_MANY_REQUESTS} the {@code Retry-After} value; otherwise 0
 * @param delay for {@link Kind#STALL} how long the emulator waits before processing; otherwise {@link Duration#ZERO}
 */
public record Fault(Kind kind, long bytes, int status, int retryAfterSeconds, Duration delay) {

    /** Fault families. */
    public enum Kind {
        /** Read some body bytes, keep what arrived where the protocol allows it, then abort the connection. */
        DROP_CONNECTION,
        /** Drain the body, store nothing, answer an error status. */
        STATUS,
        /** Drain the body, store nothing, answer 429 with {@code Retry-After}. */
        TOO_MANY_REQUESTS,
        /** ClickHelp PUT only: keep the first bytes of the chunk and say so with {@code Range}. */
        PARTIAL_CHUNK,
        /** Process the request fully, then abort the connection instead of answering. */
        LOSE_RESPONSE,
        /** Wait, then process the request normally. */
        STALL
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delay, "delay");
    }

    /** Reads {@code bytes} of the body (fewer if the body is shorter), keeps them where the protocol allows, aborts. */
    public static Fault dropConnectionAfter(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0");
        }
        return new Fault(Kind.DROP_CONNECTION, bytes, 0, 0, Duration.ZERO);
    }

    /** Answers {@code code} (e.g. 500, 502, 503) after draining the body; nothing is stored. */
    public static Fault status(int code) {
        if (code < 400 || code > 599) {
            throw new IllegalArgumentException("an injected status must be 4xx or 5xx: " + code);
        }
        return new Fault(Kind.STATUS, 0, code, 0, Duration.ZERO);
    }

    /** Answers 429 with {@code Retry-After: retryAfterSeconds} after draining the body; nothing is stored. */
    public static Fault tooManyRequests(int retryAfterSeconds) {
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must be >= 0");
        }
        return new Fault(Kind.TOO_MANY_REQUESTS, 0, 429, retryAfterSeconds, Duration.ZERO);
    }

    /**
     * ClickHelp chunk PUT: stores only the first {@code bytesToKeep} bytes of the chunk and answers 202 with
     * {@code Range: bytes=0-{last confirmed}}. Has no effect on other requests.
     */
    public static Fault partialChunk(long bytesToKeep) {
        if (bytesToKeep < 0) {
            throw new IllegalArgumentException("bytesToKeep must be >= 0");
        }
        return new Fault(Kind.PARTIAL_CHUNK, bytesToKeep, 0, 0, Duration.ZERO);
    }

    /** Processes the request fully (e.g. completes the upload), then drops the connection without answering. */
    public static Fault loseResponse() {
        return new Fault(Kind.LOSE_RESPONSE, 0, 0, 0, Duration.ZERO);
    }

    /** Waits {@code delay} before processing the request normally. */
    public static Fault stall(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        return new Fault(Kind.STALL, 0, 0, 0, delay);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case DROP_CONNECTION -> "dropConnectionAfter(" + bytes + ")";
            case STATUS -> "status(" + status + ")";
            case TOO_MANY_REQUESTS -> "tooManyRequests(" + retryAfterSeconds + ")";
            case PARTIAL_CHUNK -> "partialChunk(" + bytes + ")";
            case LOSE_RESPONSE -> "loseResponse()";
            case STALL -> "stall(" + delay + ")";
        };
    }
}
