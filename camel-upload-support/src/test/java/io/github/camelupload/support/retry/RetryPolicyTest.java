package io.github.camelupload.support.retry;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import javax.net.ssl.SSLHandshakeException;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static HttpOperationFailedException status(int code, Map<String, String> headers) {
        return new HttpOperationFailedException("http://127.0.0.1/x", code, "status " + code, null, headers, "");
    }

    @ParameterizedTest
    @ValueSource(ints = { 408, 429, 500, 502, 503, 504, 599 })
    void retriesTransientStatuses(int code) {
        assertThat(RetryPolicy.isRetryableStatus(code)).isTrue();
        assertThat(RetryPolicy.isRetryable(status(code, Map.of()))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 401, 403, 404, 409, 413, 501, 200, 302 })
    void neverRetriesWhatCannotSucceedAgain(int code) {
        assertThat(RetryPolicy.isRetryableStatus(code)).isFalse();
        assertThat(RetryPolicy.isRetryable(status(code, Map.of()))).isFalse();
    }

    @Test
    void retriesNetworkFailuresButNotCertificatesUnknownHostsOrInterrupts() {
        assertThat(RetryPolicy.isRetryable(new IOException("Connection reset"))).isTrue();
        assertThat(RetryPolicy.isRetryable(new ConnectException("refused"))).isTrue();
        assertThat(RetryPolicy.isRetryable(new SocketTimeoutException("Read timed out"))).isTrue();
        assertThat(RetryPolicy.isRetryable(new NoHttpResponseException("127.0.0.1 failed to respond"))).isTrue();
        assertThat(RetryPolicy.isRetryable(new SSLHandshakeException("PKIX path building failed"))).isFalse();
        assertThat(RetryPolicy.isRetryable(new UnknownHostException("nowhere.invalid"))).isFalse();
        assertThat(RetryPolicy.isRetryable(new InterruptedIOException())).isFalse();
        assertThat(RetryPolicy.isRetryable(new IllegalStateException("bug"))).isFalse();
        assertThat(RetryPolicy.isRetryable(new io.github.camelupload.support.engine.UploadProtocolException("bad Range")))
                .as("a server breaking the protocol will break it again").isFalse();
        assertThat(RetryPolicy.isRetryable(new io.github.camelupload.support.source.UnseekableSourceException("gone")))
                .as("the bytes are gone whatever we retry").isFalse();
    }

    @Test
    void backoffDoublesWithJitterAndIsCapped() {
        RetryPolicy lowest = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000), () -> 0.0, CLOCK);
        RetryPolicy highest = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000), () -> 0.999999, CLOCK);
        IOException failure = new IOException("reset");
        long[] expectedFull = { 100, 200, 400, 800, 1000, 1000 };
        for (int retry = 1; retry <= expectedFull.length; retry++) {
            long full = expectedFull[retry - 1];
            assertThat(lowest.delayBefore(retry, failure).toMillis()).as("retry " + retry + " low").isEqualTo(full / 2);
            assertThat(highest.delayBefore(retry, failure).toMillis()).as("retry " + retry + " high").isBetween(full - 1, full);
        }
        assertThat(highest.delayBefore(200, failure).toMillis()).as("no overflow far out").isLessThanOrEqualTo(1000);
    }

    @Test
    void honoursRetryAfterInSeconds() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(30), () -> 0.5, CLOCK);
        assertThat(policy.delayBefore(1, status(429, Map.of("Retry-After", "7")))).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.delayBefore(1, status(503, Map.of("retry-after", " 2 ")))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void honoursRetryAfterAsHttpDate() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(30), () -> 0.5, CLOCK);
        String inTwelveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(NOW.plusSeconds(12), ZoneOffset.UTC));
        assertThat(policy.delayBefore(1, status(503, Map.of("Retry-After", inTwelveSeconds)))).isEqualTo(Duration.ofSeconds(12));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(NOW.minusSeconds(5), ZoneOffset.UTC));
        assertThat(policy.delayBefore(1, status(503, Map.of("Retry-After", past)))).isEqualTo(Duration.ZERO);
    }

    @Test
    void capsRetryAfterAtTheMaximumDelay() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(30), () -> 0.5, CLOCK);
        assertThat(policy.delayBefore(1, status(429, Map.of("Retry-After", "3600")))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void ignoresAnUnreadableRetryAfter() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(30), () -> 0.0, CLOCK);
        assertThat(policy.delayBefore(1, status(503, Map.of("Retry-After", "soon")))).isEqualTo(Duration.ofMillis(50));
        assertThat(policy.delayBefore(1, status(503, Map.of("Retry-After", "99999999999999999999999")))).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO)).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessageContaining("maxRetryDelay").hasMessageContaining("retryDelay");
    }
}
