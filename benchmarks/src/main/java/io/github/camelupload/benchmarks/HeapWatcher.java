package io.github.camelupload.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Heap used by the client above what it uses idle. Two figures:
 * <ul>
 * <li>{@link #peakLiveAboveIdle()}: a sampler forces a full GC every {@code SAMPLE_MILLIS} and reads what is still
 * used, i.e. the live heap; its maximum is the memory the upload really holds (exact at each sample; sampling slows
 * the upload, so only memory cases use it);</li>
 * <li>{@link #peakAfterGcAboveIdle()}: the most heap used right after any GC of the run, an upper bound that also
 * counts garbage not yet collected in the old generation.</li>
 * </ul>
 */
final class HeapWatcher implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 100;

    private final long idle;
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong();
    private final NotificationListener listener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                    .from((CompositeData) notification.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed)
                    .sum();
            peakAfterGc.accumulateAndGet(used, Math::max);
        }
    };
    private final Thread sampler;
    private volatile boolean running = true;

    /** Measures the idle heap (after full GCs) and starts watching. */
    HeapWatcher(boolean sampleLive) {
        this.idle = liveHeap();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
        if (sampleLive) {
            sampler = new Thread(() -> {
                while (running) {
                    peakLive.accumulateAndGet(liveHeap(), Math::max);
                    try {
                        Thread.sleep(SAMPLE_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        } else {
            sampler = null;
        }
    }

    long idle() {
        return idle;
    }

    /** -1 when the live heap was not sampled. */
    long peakLiveAboveIdle() {
        return sampler == null ? -1 : Math.max(0, peakLive.get() - idle);
    }

    long peakAfterGcAboveIdle() {
        return Math.max(0, peakAfterGc.get() - idle);
    }

    private static long liveHeap() {
        System.gc(); // a full, stop-the-world collection with the default G1 (no -XX:+ExplicitGCInvokesConcurrent)
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() throws Exception {
        running = false;
        if (sampler != null) {
            sampler.interrupt();
            sampler.join();
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).removeNotificationListener(listener);
        }
    }
}
