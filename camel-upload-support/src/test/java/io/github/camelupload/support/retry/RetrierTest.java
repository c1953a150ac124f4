package io.github.camelupload.support.retry;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetrierTest {

    final List<Duration> slept = new ArrayList<>();
    final Retrier retrier = new Retrier(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.0,
            java.time.Clock.systemUTC()), slept::add);

    @Test
    void retriesUntilSuccessAndReportsEachRetry() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<Integer> retries = new ArrayList<>();
        String result = retrier.call("test", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IOException("Connection reset");
            }
            return "ok";
        }, (retry, failure, delay) -> retries.add(retry));
        assertThat(result).isEqualTo("ok");
        assertThat(attempts).hasValue(3);
        assertThat(retries).containsExactly(1, 2);
        assertThat(slept).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void givesUpAfterMaxRetriesWithTheLastFailure() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call("test", () -> {
            throw new IOException("reset #" + attempts.incrementAndGet());
        }, null)).isInstanceOf(IOException.class).hasMessage("reset #4");
        assertThat(attempts).as("1 attempt + 3 retries").hasValue(4);
    }

    @Test
    void doesNotRetryAClientError() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call("test", () -> {
            attempts.incrementAndGet();
            throw new HttpOperationFailedException("u", 401, "Unauthorized", null, Map.of(), "bad key");
        }, null)).isInstanceOf(HttpOperationFailedException.class);
        assertThat(attempts).hasValue(1);
        assertThat(slept).isEmpty();
    }

    @Test
    void waitsWhatRetryAfterSays() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        retrier.call("test", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new HttpOperationFailedException("u", 429, "Too Many Requests", null, Map.of("Retry-After", "3"), "");
            }
            return "ok";
        }, null);
        assertThat(slept).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void anInterruptDuringTheWaitStopsTheRetries() {
        Retrier interrupted = new Retrier(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1)), delay -> {
            throw new InterruptedException();
        });
        assertThatThrownBy(() -> interrupted.call("upload", () -> {
            throw new IOException("reset");
        }, null)).isInstanceOf(java.io.InterruptedIOException.class).hasMessageContaining("upload");
        assertThat(Thread.interrupted()).as("interrupt flag kept").isTrue();
    }
}
