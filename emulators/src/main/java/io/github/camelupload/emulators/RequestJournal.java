package io.github.camelupload.emulators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Every request an emulator received since it was created or reset, in the order the emulator finished handling them (for
 * the sequential requests of one client, the order they were sent). Thread-safe. An entry is added just before
 * the response goes out (or the connection is dropped), so a client that got an answer or an I/O error always finds
 * its request here.
 */
public final class RequestJournal {

    private final List<RecordedRequest> entries = new ArrayList<>();

    synchronized void add(RecordedRequest request) {
        entries.add(request);
        notifyAll();
    }

    /** A snapshot of all entries. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(entries);
    }

    /** A snapshot of the entries with HTTP method {@code method} (case-insensitive). */
    public synchronized List<RecordedRequest> requests(String method) {
        String m = method.toUpperCase(Locale.ROOT);
        return entries.stream().filter(r -> r.method().equals(m)).toList();
    }

    /** The entries matching {@code filter}. */
    public synchronized List<RecordedRequest> requests(Predicate<RecordedRequest> filter) {
        return entries.stream().filter(filter).toList();
    }

    /** The last entry; fails when the journal is empty. */
    public synchronized RecordedRequest last() {
        if (entries.isEmpty()) {
            throw new IllegalStateException("no request recorded");
        }
        return entries.get(entries.size() - 1);
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
    }

    /** Waits until at least {@code count} requests are recorded, for tests that must not sleep. */
    public synchronized void awaitSize(int count, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (entries.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("journal has " + entries.size() + " requests, expected " + count);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    @Override
    public synchronized String toString() {
        StringBuilder sb = new StringBuilder("RequestJournal[");
        entries.forEach(e -> sb.append("\n  ").append(e));
        return sb.append(entries.isEmpty() ? "]" : "\n]").toString();
    }
}
