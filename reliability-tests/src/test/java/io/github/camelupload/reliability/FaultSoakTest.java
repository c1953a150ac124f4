package io.github.camelupload.reliability;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelupload.clickhelp.ClickHelpConstants;
import io.github.camelupload.contentisland.ContentIslandConstants;
import io.github.camelupload.emulators.ClickHelpEmulator;
import io.github.camelupload.emulators.ContentIslandEmulator;
import io.github.camelupload.emulators.Fault;
import io.github.camelupload.emulators.StoredFileInfo;
import io.github.camelupload.reliability.SoakPlan.Service;
import io.github.camelupload.reliability.SoakPlan.Upload;
import io.github.camelupload.support.testing.LogCapture;

import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of uploads through both components while the emulators inject seeded random faults of every family into
 * a quarter of all requests. Every upload must end byte-identical on the server; the figures go to stdout and
 * {@code target/soak-report.md}. {@code -Dsoak.seed} reproduces a run, {@code -Dsoak.uploads} sizes it.
 */
@Tag("soak")
class FaultSoakTest {

    static final long DEFAULT_SEED = 20251121L;
    /** Requests longer than this fail with a timeout; stalls are longer, so they exercise it. */
    static final int RESPONSE_TIMEOUT_MS = 2000;
    static final Duration STALL = Duration.ofMillis(2500);
    static final double FAULT_RATE = 0.25;
    /** Camel's redeliveries after the component's own retries gave up; each one resumes. */
    static final int REDELIVERIES = 10;
    /** How often an exchange that still failed is sent again later, with its resume headers. */
    static final int RESENDS = 3;
    /** No single upload may take longer: a hang is a finding, not a slow run. */
    static final Duration UPLOAD_LIMIT = Duration.ofMinutes(5);

    @TempDir
    Path tempDir;

    @Test
    void everyUploadEndsByteIdenticalUnderRandomFaults() throws Exception {
        long seed = Long.getLong("soak.seed", DEFAULT_SEED);
        int count = Integer.getInteger("soak.uploads", 300);
        List<Upload> plan = SoakPlan.create(seed, count);
        SoakFigures figures = new SoakFigures(seed);
        System.out.println("SOAK seed=" + seed + " uploads=" + count);

        AtomicLong peakHeap = new AtomicLong();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = heapSampler(peakHeap, sampling);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        long started = System.nanoTime();
        try (ClickHelpEmulator clickhelp = new ClickHelpEmulator(tempDir.resolve("clickhelp")).start();
             ContentIslandEmulator contentisland = new ContentIslandEmulator(tempDir.resolve("contentisland")).start();
             LogCapture log = LogCapture.open()) {
            injectFaults(clickhelp, contentisland, seed);
            CamelContext context = camel();
            ProducerTemplate template = context.createProducerTemplate();
            ConsumerTemplate consumer = context.createConsumerTemplate();
            try {
                for (Upload upload : plan) {
                    Future<?> run = worker.submit(() -> {
                        runOne(upload, template, consumer, clickhelp, contentisland, figures);
                        return null;
                    });
                    try {
                        run.get(UPLOAD_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        figures.failed.add(upload + ": still running after " + UPLOAD_LIMIT + " (hung)");
                        break; // the worker is stuck; nothing after it would be meaningful
                    }
                }
            } finally {
                context.stop();
            }
            awaitQuiet(clickhelp);
            awaitQuiet(contentisland);

            figures.requests = clickhelp.faults().requestCount() + contentisland.faults().requestCount();
            figures.addFaults(clickhelp.faults().injectedCounts());
            figures.addFaults(contentisland.faults().injectedCounts());
            figures.unfinishedClickHelp = clickhelp.unfinishedUploads().size();
            for (String key : clickhelp.unfinishedUploads()) { // what the server saw of each, to explain it
                figures.unfinishedClickHelpTrails.add(key + ": " + clickhelp.journal().requests(r -> r.path().endsWith("/" + key)));
            }
            figures.unfinishedContentIsland = contentisland.unfinishedUploads().size();
            long contentIslandSuccesses = plan.stream()
                    .filter(u -> u.service() == Service.CONTENTISLAND).count() - figures.failed.stream()
                    .filter(f -> f.contains("CONTENTISLAND")).count();
            figures.extraContentIslandResources = (int) (contentisland.storedResources().size() - contentIslandSuccesses);
            countFromLog(log, figures);
        } finally {
            worker.shutdownNow();
            sampling.set(false);
            sampler.join();
        }
        figures.duration = Duration.ofNanos(System.nanoTime() - started);
        figures.peakHeap = peakHeap.get();
        figures.maxHeap = Runtime.getRuntime().maxMemory();

        String report = figures.report("mvn -B -Dmaven.repo.local=... -Psoak -pl reliability-tests -am verify "
                                       + "-Dtest=FaultSoakTest -Dsurefire.failIfNoSpecifiedTests=false -Dsoak.seed="
                                       + seed + " -Dsoak.uploads=" + count);
        System.out.println(report);
        figures.write(Path.of(System.getProperty("soak.reportDir", "target"), "soak-report.md"), report);

        assertThat(figures.corrupted).as("uploads whose stored bytes differ from the sent ones").isEmpty();
        assertThat(figures.lost).as("uploads reported done with nothing stored").isEmpty();
        assertThat(figures.failed).as("uploads that did not complete").isEmpty();
        assertThat(figures.resentWithoutResumePoint).as("failed exchanges without a resume point").isEmpty();
        assertThat(figures.identical).isEqualTo(count);
        assertThat(figures.faultRate()).as("share of requests with an injected fault").isGreaterThanOrEqualTo(0.15);
        assertThat(figures.unfinishedClickHelpTrails).as("ClickHelp sessions left open").isEmpty();
        if (count >= 300) {
            assertThat(figures.faults.keySet()).as("every fault family was injected")
                    .containsAll(EnumSet.allOf(Fault.Kind.class));
        }
    }

    /** The same fault families on both services; partial chunks exist only in ClickHelp's protocol. */
    private static void injectFaults(ClickHelpEmulator clickhelp, ContentIslandEmulator contentisland, long seed) {
        clickhelp.faults().randomly(seed, FAULT_RATE,
                Fault.dropConnectionAfter(0), Fault.dropConnectionAfter(40_000), Fault.dropConnectionAfter(3_000_000),
                Fault.status(500), Fault.status(503), Fault.tooManyRequests(1),
                Fault.partialChunk(1), Fault.partialChunk(50_000), Fault.loseResponse(), Fault.stall(STALL));
        contentisland.faults().randomly(seed + 1, FAULT_RATE,
                Fault.dropConnectionAfter(0), Fault.dropConnectionAfter(40_000), Fault.dropConnectionAfter(3_000_000),
                Fault.status(500), Fault.status(502), Fault.status(503), Fault.tooManyRequests(1),
                Fault.loseResponse(), Fault.stall(STALL));
    }

    private static CamelContext camel() throws Exception {
        CamelContext context = new DefaultCamelContext();
        // InputStream bodies stay one-shot streams, as a route without stream caching hands them over
        context.setStreamCaching(false);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // a one-shot stream cannot be read twice: like an application that re-reads its source, the
                // redelivery gets a fresh stream, and the component must resume it at the point the failure left
                errorHandler(defaultErrorHandler().maximumRedeliveries(REDELIVERIES).redeliveryDelay(10)
                        .retryAttemptedLogLevel(LoggingLevel.DEBUG).logExhaustedMessageHistory(false)
                        .onRedelivery(FaultSoakTest::reopenStream));
                from("direct:upload").routeId("soak").toD("${header.SoakEndpoint}");
            }
        });
        context.start();
        return context;
    }

    private static void reopenStream(Exchange exchange) throws java.io.IOException {
        Object body = exchange.getMessage().getBody();
        if (body instanceof java.io.InputStream in && !(body instanceof org.apache.camel.StreamCache)) {
            in.close();
            exchange.getMessage().setBody(Files.newInputStream(Path.of(exchange.getMessage().getHeader("SoakSource", String.class))));
        }
    }

    private static Exchange send(ProducerTemplate template, Upload upload, Path file, ConsumerTemplate consumer,
            String endpoint, Map<String, Object> resumeHeaders) {
        Exchange done = template.send("direct:upload", exchange -> {
            try {
                upload.body().apply(exchange, file, consumer);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            exchange.getMessage().getHeaders().putAll(resumeHeaders);
            exchange.getMessage().setHeader("SoakEndpoint", endpoint);
            exchange.getMessage().setHeader("SoakSource", file.toString());
            exchange.getMessage().setHeader(ClickHelpConstants.FILE_PATH, "soak/" + upload.name());
            exchange.getMessage().setHeader(ContentIslandConstants.FILE_NAME, upload.name());
        });
        BodyType.release(done.getIn().getBody());
        return done;
    }

    /** The components' resume headers a failed exchange carries (what a dead-letter channel would keep). */
    private static Map<String, Object> resumeHeaders(Exchange failed) {
        Map<String, Object> headers = new java.util.HashMap<>();
        failed.getMessage().getHeaders().forEach((name, value) -> {
            if (name.startsWith("CamelClickHelpUpload") || name.startsWith("CamelContentIsland")) {
                headers.put(name, value);
            }
        });
        return headers;
    }

    private void runOne(Upload upload, ProducerTemplate template, ConsumerTemplate consumer, ClickHelpEmulator clickhelp,
            ContentIslandEmulator contentisland, SoakFigures figures) throws Exception {
        Path file = TestFiles.seeded(tempDir.resolve("in").resolve(upload.name()), upload.size(), upload.number());
        String sha256 = TestFiles.sha256(file);
        String endpoint = upload.service() == Service.CLICKHELP
                ? clickHelpUri(clickhelp, upload) : contentIslandUri(contentisland, upload);
        Exchange done = send(template, upload, file, consumer, endpoint, Map.of());
        figures.redeliveries += done.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        // redeliveries exhausted: the exchange stops with its resume point in the headers; like an application that
        // re-sends a failed exchange later (a dead-letter replay), send a new exchange with those headers, which must
        // continue where the failed one stopped
        for (int resend = 1; done.isFailed() && resend <= RESENDS; resend++) {
            Map<String, Object> resumeHeaders = resumeHeaders(done);
            figures.resentAfterFailure++;
            if (resumeHeaders.isEmpty()) {
                figures.resentWithoutResumePoint.add(upload + ": " + done.getException());
            }
            done = send(template, upload, file, consumer, endpoint, resumeHeaders);
            figures.redeliveries += done.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        }
        figures.uploads++;
        figures.bytes += upload.size();
        figures.perService.merge(upload.service(), 1, Integer::sum);
        figures.perBody.merge(upload.body(), 1, Integer::sum);

        if (done.isFailed()) {
            figures.failed.add(upload + ": " + done.getException());
        } else {
            Optional<StoredFileInfo> stored = upload.service() == Service.CLICKHELP
                    ? clickhelp.fileInfo("soak/" + upload.name())
                    : Optional.ofNullable(done.getMessage().getHeader(ContentIslandConstants.RESOURCE_NAME, String.class))
                            .flatMap(contentisland::resourceInfo);
            if (stored.isEmpty()) {
                figures.lost.add(upload.toString());
            } else if (!stored.get().sha256().equals(sha256) || stored.get().size() != upload.size()) {
                figures.corrupted.add(upload + ": stored " + stored.get().size() + " bytes " + stored.get().sha256()
                                      + ", sent " + sha256);
            } else {
                figures.identical++;
                // disk space: emptied, not deleted. The file stays where the server keeps it, as on a real server: a
                // start request the client gave up on (stalled past the timeout) that the server processes only now
                // must meet the file and get 409, not find the path free and open a session no one will finish
                Files.write(stored.get().path(), new byte[0]);
            }
        }
        Files.deleteIfExists(file);
        if (upload.number() % 25 == 0) {
            System.out.printf("SOAK %d uploads, %d identical, %d failed%n", figures.uploads, figures.identical,
                    figures.failed.size() + figures.corrupted.size() + figures.lost.size());
        }
    }

    private static String clickHelpUri(ClickHelpEmulator clickhelp, Upload upload) {
        return "clickhelp:storage/soak/any?portalUrl=" + clickhelp.portalUrl() + "&username=" + clickhelp.username()
               + "&apiKey=RAW(" + clickhelp.apiKey() + ")" + common(upload) + "&chunkSize=" + upload.chunkSize();
    }

    private static String contentIslandUri(ContentIslandEmulator contentisland, Upload upload) {
        return "contentisland:upload?baseUrl=" + contentisland.baseUrl() + "&token=RAW(" + contentisland.writeToken() + ")"
               + common(upload) + "&chunkSize=" + upload.chunkSize() + "&uploadMode=" + upload.mode()
               + ("auto".equals(upload.mode()) ? "&simpleUploadLimit=" + 4 * SoakPlan.MIB : "");
    }

    private static String common(Upload upload) {
        return "&maxRetries=" + upload.maxRetries() + "&retryDelay=10&maxRetryDelay=1000&responseTimeout="
               + RESPONSE_TIMEOUT_MS;
    }

    /** Retries and resumes, as the engine and the producers log them (one line each). */
    private static void countFromLog(LogCapture log, SoakFigures figures) {
        for (LogCapture.Entry e : log.entries()) {
            String text = e.text();
            if (e.logger().endsWith("Retrier") && text.contains("; retry ")) {
                figures.retries++;
            } else if (text.startsWith("Resuming the")) {
                figures.resumes++;
            } else if (text.contains("starting it over") || text.startsWith("Starting the upload of")) {
                figures.restarts++;
            }
            if (text.contains("an earlier attempt completed it and lost the answer")) {
                figures.completedByEarlierAttempt++;
            }
        }
    }

    /** A stalled request is journaled when it ends; wait for all of them before reading the emulators' state. */
    private static void awaitQuiet(io.github.camelupload.emulators.AbstractEmulator emulator) throws Exception {
        emulator.journal().awaitSize(emulator.faults().requestCount(), Duration.ofSeconds(30));
    }

    private static Thread heapSampler(AtomicLong peak, AtomicBoolean running) {
        var memory = ManagementFactory.getMemoryMXBean();
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }
}
