package io.github.camelupload.support.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Aborts a request whose body stopped moving. Socket timeouts cover reads only: a server that stops reading the body
 * blocks the client's write forever once the socket buffers are full. A {@link Watch} is registered while the body
 * is written, every write notes progress, and when no byte moved for the timeout the request is cancelled, which
 * closes its connection and so unblocks the write.
 * <p>
 * Arming and closing a watch only adds it to and removes it from a set: no task is scheduled per request, because
 * waking a scheduler thread twice per request cost small uploads a measurable share of their time. One daemon
 * thread looks at every open watch each {@link #TICK_MILLIS} ms, and only while some watch is open.
 */
public final class WriteWatchdog {

    /** How often open watches are checked; a stall is noticed at most this long after its timeout. */
    static final long TICK_MILLIS = 100;

    private static final Set<Watch> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean TICKING = new AtomicBoolean();
    private static final ScheduledThreadPoolExecutor SCHEDULER = createScheduler();
    private static volatile ScheduledFuture<?> ticker;

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
     * @param request       cancelled when the write makes no progress for {@code timeoutMillis}
     * @param timeoutMillis how long the write may go without moving a byte
     */
    public static Watch arm(Cancellable request, long timeoutMillis) {
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("The write timeout must be positive, was " + timeoutMillis);
        }
        Watch watch = new Watch(request, TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
        OPEN.add(watch);
        startTicking();
        return watch;
    }

    private static void startTicking() {
        if (TICKING.compareAndSet(false, true)) {
            ticker = SCHEDULER.scheduleWithFixedDelay(WriteWatchdog::tick, TICK_MILLIS, TICK_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    private static void tick() {
        long now = System.nanoTime();
        for (Watch watch : OPEN) {
            watch.check(now);
        }
        if (OPEN.isEmpty()) {
            // stop, so the thread can time out; a watch armed meanwhile restarts the ticker
            ticker.cancel(false);
            TICKING.set(false);
            if (!OPEN.isEmpty()) {
                startTicking();
            }
        }
    }

    /** One watched write: note progress while writing, close when the write is over. */
    public static final class Watch implements AutoCloseable {

        private final Cancellable request;
        private final long timeoutNanos;
        private volatile long lastProgress = System.nanoTime();
        private volatile boolean fired;

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

        private void check(long now) {
            if (now - lastProgress >= timeoutNanos && OPEN.remove(this)) {
                fired = true;
                request.cancel();
            }
        }

        @Override
        public void close() {
            OPEN.remove(this);
        }
    }
}
