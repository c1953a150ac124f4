package io.github.camelupload.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelupload.support.progress.UploadProgress;
import io.github.camelupload.support.progress.UploadProgressListener;

/**
 * Shows every upload's progress: on a terminal a live bar per file (bytes, rate, ETA), redrawn in place; otherwise
 * (a CI log, a pipe) a plain line whenever a file passes another quarter, so the log stays short.
 */
public final class ProgressBoard implements UploadProgressListener, AutoCloseable {

    /** The latest figures of one upload. */
    public static final class Entry {
        final String target;
        final long startNanos = System.nanoTime();
        volatile UploadProgress latest;
        volatile long endNanos;
        /** Retries of earlier attempts of this upload (a redelivery starts a new count). */
        volatile int earlierRetries;
        volatile int events;
        int quartersPrinted;

        Entry(String target) {
            this.target = target;
        }

        public UploadProgress latest() {
            return latest;
        }

        /** Retries over all attempts of this upload. */
        public int retries() {
            return earlierRetries + (latest == null ? 0 : latest.retries());
        }
    }

    private final PrintStream out;
    private final boolean live;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final ScheduledExecutorService redraw;
    private int linesDrawn;

    public ProgressBoard(PrintStream out, boolean live) {
        this.out = out;
        this.live = live;
        if (live) {
            redraw = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "progress-bars");
                thread.setDaemon(true);
                return thread;
            });
            redraw.scheduleAtFixedRate(this::draw, 250, 250, TimeUnit.MILLISECONDS);
        } else {
            redraw = null;
        }
    }

    @Override
    public void onProgress(UploadProgress progress) {
        Entry entry;
        UploadProgress previous;
        synchronized (this) {
            entry = entries.computeIfAbsent(progress.target(), Entry::new);
            previous = entry.latest;
        }
        if (previous != null && progress.retries() < previous.retries()) {
            entry.earlierRetries += previous.retries(); // a new attempt (redelivery) counts from zero
        }
        entry.latest = progress;
        entry.events++;
        if (!live && progress.resumedFrom() > 0 && (previous == null || previous.resumedFrom() != progress.resumedFrom())) {
            // live bars say it in the file's line: a line printed between redraws would break them
            out.println("Resumed " + progress.target() + " at byte " + progress.resumedFrom() + " of "
                        + (progress.totalBytes() < 0 ? "?" : progress.totalBytes()) + " (nothing before it sent again)");
        }
        if (progress.done()) {
            entry.endNanos = System.nanoTime();
        }
        if (!live) {
            int quarters = progress.done() ? 4 : (int) Math.floor(Math.max(0, progress.fraction()) * 4);
            synchronized (this) {
                if (quarters > entry.quartersPrinted) {
                    entry.quartersPrinted = quarters;
                    out.println(line(entry));
                }
            }
        }
    }

    /** The entry of the upload whose target contains this text (a file name or path). */
    public synchronized Optional<Entry> find(String fragment) {
        return entries.values().stream().filter(e -> e.target.contains(fragment)).reduce((a, b) -> b);
    }

    private synchronized void draw() {
        List<String> lines = new ArrayList<>();
        for (Entry entry : entries.values()) {
            lines.add(line(entry));
        }
        StringBuilder frame = new StringBuilder();
        if (linesDrawn > 0) {
            frame.append("\033[").append(linesDrawn).append('A'); // back to the first bar
        }
        for (String line : lines) {
            frame.append("\033[2K").append(line).append('\n');
        }
        out.print(frame);
        out.flush();
        linesDrawn = lines.size();
    }

    static String line(Entry entry) {
        UploadProgress p = entry.latest;
        long now = entry.endNanos != 0 ? entry.endNanos : System.nanoTime();
        double seconds = Math.max(1e-3, (now - entry.startNanos) / 1e9);
        long sent = p.bytesConfirmed() - p.resumedFrom();
        double rate = sent / seconds;
        String bar = bar(p.fraction(), 24);
        // one event gives no interval to measure (a single-request upload reports only its end)
        boolean measured = entry.events > 1;
        String eta = p.done() ? "done" : measured && p.totalBytes() > 0 && rate > 0
                ? "ETA " + Math.round((p.totalBytes() - p.bytesConfirmed()) / rate) + "s" : "ETA ?";
        String name = entry.target.length() > 48 ? "..." + entry.target.substring(entry.target.length() - 45) : entry.target;
        return String.format("%-48s %s %9s / %-9s %12s  %-9s%s", name, bar, Format.bytes(p.bytesConfirmed()),
                p.totalBytes() < 0 ? "?" : Format.bytes(p.totalBytes()), measured ? String.format("%.1f MB/s", rate / 1e6) : "",
                eta, (entry.retries() > 0 ? "  retries " + entry.retries() : "")
                     + (p.resumedFrom() > 0 ? "  resumed at " + Format.bytes(p.resumedFrom()) : ""));
    }

    static String bar(double fraction, int width) {
        if (fraction < 0) {
            return "[" + "?".repeat(width) + "]";
        }
        int filled = (int) Math.round(Math.min(1, fraction) * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    @Override
    public void close() {
        if (redraw != null) {
            redraw.shutdownNow();
            draw();
        }
    }
}
