package io.github.camelupload.support.http;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Aborts a request whose body stopped moving. Socket timeouts cover reads only: a server that stops reading the body
 * blocks the client's write forever once the socket buffers are full. A {@link Watch} is armed while the body is
 * written, every write notes progress, and when no byte moved for the timeout the request is cancelled, which closes
 * its connection and so unblocks the write.
 * <p>
 * One daemon thread serves every watch in the JVM; it exists only while something is watched.
 */
public final class WriteWatchdog {

    private static final ScheduledThreadPoolExecutor SCHEDULER = createScheduler();

    private WriteWatchdog() {
    }

    private static ScheduledThreadPoolExecutor createScheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "camel-upload-write-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setKeepAliveTime(10, TimeUnit.SECONDS);
        scheduler.allowCoreThreadTimeOut(true); // no idle thread left behind when nothing uploads
        return scheduler;
    }

    /**
     * Starts watching a body write.
     *
     * @param request     cancelled when the write makes no progress for {@code timeoutMillis}
     * @param timeoutMillis how long the write may go without moving a byte
     */
    public static Watch arm(Cancellable request, long timeoutMillis) {
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("The write timeout must be positive, was " + timeoutMillis);
        }
        Watch watch = new Watch(request, TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
        watch.schedule(watch.timeoutNanos);
        return watch;
    }

    /** One watched write: note progress while writing, close when the write is over. */
    public static final class Watch implements AutoCloseable {

        private final Cancellable request;
        private final long timeoutNanos;
        private volatile long lastProgress = System.nanoTime();
        private volatile boolean closed;
        private volatile boolean fired;
        private ScheduledFuture<?> check;

        private Watch(Cancellable request, long timeoutNanos) {
            this.request = request;
            this.timeoutNanos = timeoutNanos;
        }

        /** Bytes moved. */
        public void progress() {
            lastProgress = System.nanoTime();
        }

        /** Whether the watchdog cancelled the request. */
        public boolean fired() {
            return fired;
        }

        public long timeoutMillis() {
            return TimeUnit.NANOSECONDS.toMillis(timeoutNanos);
        }

        private synchronized void schedule(long delayNanos) {
            if (!closed) {
                check = SCHEDULER.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
            }
        }

        private synchronized void check() {
            if (closed) {
                return;
            }
            long idle = System.nanoTime() - lastProgress;
            if (idle < timeoutNanos) {
                schedule(timeoutNanos - idle); // progress since: look again when the new deadline is due
                return;
            }
            fired = true;
            request.cancel();
        }

        @Override
        public synchronized void close() {
            closed = true;
            if (check != null) {
                check.cancel(false);
            }
        }
    }
}
