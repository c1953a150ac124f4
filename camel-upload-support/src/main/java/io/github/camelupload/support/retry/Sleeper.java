package io.github.camelupload.support.retry;

import java.time.Duration;

/** Waits between retries; replaced in tests so they do not wait. */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD_SLEEP = delay -> Thread.sleep(delay.toMillis());

    void sleep(Duration delay) throws InterruptedException;
}
