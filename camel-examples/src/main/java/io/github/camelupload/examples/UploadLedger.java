package io.github.camelupload.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;

/**
 * Records how each inbox file's upload ended, as the routes report it, so the demo knows when all are done and what
 * to verify.
 */
public final class UploadLedger {

    /** One file's outcome. {@code storedAt} is the ClickHelp storage path or the ContentIsland resource URL. */
    public record Outcome(String service, String fileName, String localPath, long size, long millis, int redeliveries,
                          String storedAt, String error) {
        public boolean succeeded() {
            return error == null;
        }
    }

    private final List<Outcome> outcomes = new ArrayList<>();

    /** Called by the routes after a successful upload. */
    public void uploaded(Exchange exchange) {
        record(exchange, null);
    }

    /** Called by the routes' error handler when redeliveries are exhausted. */
    public void failed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        record(exchange, cause == null ? "unknown failure" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    private synchronized void record(Exchange exchange, String error) {
        String route = exchange.getFromRouteId() == null ? "" : exchange.getFromRouteId();
        boolean clickHelp = route.contains("clickhelp");
        String storedAt = clickHelp
                ? exchange.getMessage().getHeader("CamelClickHelpFilePath", String.class)
                : exchange.getMessage().getHeader("CamelContentIslandResourceUrl", String.class);
        Long size = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
        Integer redeliveries = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        long millis = System.currentTimeMillis() - exchange.getClock().getCreated();
        outcomes.add(new Outcome(clickHelp ? "ClickHelp" : "ContentIsland",
                exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class),
                exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class), size == null ? -1 : size, millis,
                redeliveries == null ? 0 : redeliveries, storedAt, error));
        notifyAll();
    }

    /** Waits until {@code count} outcomes are in, or the timeout passes; returns what is in. */
    public synchronized List<Outcome> await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outcomes.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(outcomes);
    }
}
