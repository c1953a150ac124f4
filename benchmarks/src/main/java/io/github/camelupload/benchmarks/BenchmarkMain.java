package io.github.camelupload.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs every benchmark case once, in one go, and writes {@code target/benchmark-results/results-<time>.json} and a
 * Markdown summary. Each case runs several times; component, bare-HttpClient and curl runs are interleaved (their
 * order rotates every round) so that the noise of a shared machine hits all of them alike, and every upload is checked
 * against the emulator's byte count and SHA-256 before its figures count.
 *
 * <p>{@code -Dbench.quick=true}: small sizes and one round, a smoke run of the harness (about a minute).
 * {@code -Dbench.only=ID,...}: only the cases whose id starts with one of these (ids as in the results).
 */
public final class BenchmarkMain {

    static final long MIB = 1024L * 1024;
    static final long GIB = 1024 * MIB;

    private final boolean quick = Boolean.getBoolean("bench.quick");
    private final int rounds = Integer.getInteger("bench.rounds", 0) > 0 ? Integer.getInteger("bench.rounds") : quick ? 1 : 3;
    private final long bigSize = quick ? 64 * MIB : GIB;
    private final long simpleSize = quick ? 39_000_000L : 390_000_000L;
    private final int smallFiles = quick ? 200 : 2000;
    private final String throughputHeap = "512m";

    private final TestData data;
    private final EmulatorProcess emulators;
    private final CurlClient curl;
    private final Report report;

    private BenchmarkMain(TestData data, EmulatorProcess emulators, CurlClient curl, Report report) {
        this.data = data;
        this.emulators = emulators;
        this.curl = curl;
        this.report = report;
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of("target");
        TestData data = new TestData(target.resolve("bench-data"));
        Path results = Files.createDirectories(target.resolve("benchmark-results"));
        Path shm = Path.of("/dev/shm");
        Path curlWork = (Files.isDirectory(shm) ? shm : target).resolve("camel-upload-bench-" + ProcessHandle.current().pid());
        CurlClient curl = new CurlClient(curlWork);
        try (EmulatorProcess emulators = new EmulatorProcess(Files.createTempDirectory("bench-emulators-"))) {
            Report report = new Report(Boolean.getBoolean("bench.quick"));
            BenchmarkMain main = new BenchmarkMain(data, emulators, curl, report);
            long start = System.nanoTime();
            main.runAll();
            report.totalSeconds((System.nanoTime() - start) / 1e9);
            Path json = report.write(results);
            System.out.println(report.markdown());
            System.out.println("Results: " + json.toAbsolutePath());
        } finally {
            curl.dropChunks();
            Files.deleteIfExists(curlWork.resolve("curl.config"));
            Files.deleteIfExists(curlWork.resolve("curl.sh"));
            Files.deleteIfExists(curlWork);
        }
    }

    private void runAll() throws Exception {
        Path big = data.file("big.bin", bigSize);
        Path warm = data.file("warm.bin", 16 * MIB);
        Path simple = data.file("simple.bin", simpleSize);
        List<Path> small = new ArrayList<>();
        for (int i = 0; i < smallFiles; i++) {
            small.add(data.file(String.format("small-%04d.bin", i), 4096));
        }
        // warm up on the whole set once (untimed): the figure is the steady per-file cost a long-running route
        // pays, not how soon a fresh JVM has compiled the component's larger code path
        List<Path> warmSmall = small;
        String ch = emulators.clickHelpUrl();
        String ci = emulators.contentIslandUrl();
        long chChunk = 10 * MIB;
        long ciChunk = 8 * MIB;

        throughput("clickhelp-1g", "ClickHelp, File body, 10 MiB chunks", "clickhelp", "chunked", chChunk, ch,
                List.of(warm), List.of(big), () -> curl.clickHelp(ch, List.of(big), chChunk));
        curl.dropChunks();
        throughput("contentisland-chunked-1g", "ContentIsland chunked, File body, 8 MiB chunks", "contentisland",
                "chunked", ciChunk, ci, List.of(warm), List.of(big), () -> curl.contentIslandChunked(ci, big, ciChunk));
        curl.dropChunks();
        throughput("contentisland-simple", "ContentIsland simple, File body", "contentisland", "simple", ciChunk, ci,
                List.of(warm), List.of(simple), () -> curl.contentIslandSimple(ci, List.of(simple)));
        throughput("clickhelp-small", smallFiles + " files of 4 KiB, ClickHelp", "clickhelp", "chunked", chChunk, ch,
                warmSmall, small, () -> curl.clickHelp(ch, small, chChunk));
        throughput("contentisland-small", smallFiles + " files of 4 KiB, ContentIsland", "contentisland", "auto",
                ciChunk, ci, warmSmall, small, () -> curl.contentIslandSimple(ci, small));

        memory("memory-file", "File body", "file", quick ? "64m" : "64m", big, warm);
        memory("memory-stream", "InputStream body of unknown length", "stream", "96m", big, warm);

        List<Path> sizes = new ArrayList<>();
        for (long mib : quick ? new long[] {16, 32, 64} : new long[] {16, 64, 256, 1024}) {
            sizes.add(mib * MIB == bigSize ? big : data.file("size-" + mib + "m.bin", mib * MIB));
        }
        sizes("sizes-clickhelp", "clickhelp", "chunked", chChunk, ch, warm, sizes);
        sizes("sizes-contentisland", "contentisland", "chunked", ciChunk, ci, warm, sizes);

        sweep("sweep-clickhelp", "clickhelp", ch, quick ? new long[] {1, 10} : new long[] {1, 2, 5, 10}, warm, big);
        sweep("sweep-contentisland", "contentisland", ci, quick ? new long[] {5, 64} : new long[] {5, 8, 16, 64}, warm,
                big);
    }

    /** {@code -Dbench.only=clickhelp-small,sweep-} runs only the cases whose id starts with one of these. */
    private static boolean selected(String id) {
        String only = System.getProperty("bench.only", "");
        return only.isBlank() || java.util.Arrays.stream(only.split(",")).map(String::trim).anyMatch(id::startsWith);
    }

    @FunctionalInterface
    interface CurlRun {
        Measurement run() throws Exception;
    }

    /** Component, bare HttpClient and curl, interleaved, {@link #rounds} times each. */
    private void throughput(String id, String title, String service, String mode, long chunkSize, String url,
            List<Path> warmup, List<Path> files, CurlRun curlRun) throws Exception {
        if (!selected(id)) {
            return;
        }
        Map<String, List<Measurement>> runs = new LinkedHashMap<>();
        List<String> clients = List.of("component", "httpclient", "curl");
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < clients.size(); k++) {
                String client = clients.get((k + round) % clients.size());
                log(id + " round " + (round + 1) + "/" + rounds + ": " + client);
                emulators.clearReports();
                Measurement m;
                List<Path> expected = new ArrayList<>(files);
                if (client.equals("curl")) {
                    m = curlRun.run();
                } else {
                    m = JvmClient.run(new ClientSpec(client, service, mode, chunkSize, "file", url, warmup, files,
                            false), throughputHeap);
                    expected.addAll(0, warmup);
                }
                emulators.verify(service, expected, data);
                runs.computeIfAbsent(client, c -> new ArrayList<>()).add(m);
            }
        }
        report.throughput(id, title, runs);
    }

    /** Each component uploads the big file at a small heap, with the live heap sampled. */
    private void memory(String id, String title, String body, String heap, Path big, Path warm) throws Exception {
        if (!selected(id)) {
            return;
        }
        Map<String, List<Measurement>> runs = new LinkedHashMap<>();
        for (String service : List.of("clickhelp", "contentisland")) {
            log(id + ": " + service + " at -Xmx" + heap);
            emulators.clearReports();
            String url = service.equals("clickhelp") ? emulators.clickHelpUrl() : emulators.contentIslandUrl();
            long chunk = service.equals("clickhelp") ? 10 * MIB : 8 * MIB;
            Measurement m = JvmClient.run(new ClientSpec("component", service, "auto", chunk, body, url, List.of(warm),
                    List.of(big), true), heap);
            emulators.verify(service, List.of(warm, big), data);
            runs.put(service, List.of(m));
        }
        report.memory(id, title, heap, runs);
    }

    /** Time against size, component only: all sizes in one JVM per round. */
    private void sizes(String id, String service, String mode, long chunk, String url, Path warm, List<Path> sizes)
            throws Exception {
        if (!selected(id)) {
            return;
        }
        List<Measurement> runs = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            log(id + " round " + (round + 1) + "/" + rounds);
            emulators.clearReports();
            runs.add(JvmClient.run(new ClientSpec("component", service, mode, chunk, "file", url, List.of(warm), sizes,
                    false), throughputHeap));
            List<Path> expected = new ArrayList<>(sizes);
            expected.add(0, warm);
            emulators.verify(service, expected, data);
        }
        List<Long> bytes = new ArrayList<>();
        for (Path p : sizes) {
            bytes.add(Files.size(p));
        }
        report.sizes(id, service, bytes, runs);
    }

    /** Component throughput at several chunk sizes, rounds interleaved across sizes. */
    private void sweep(String id, String service, String url, long[] chunkMibs, Path warm, Path big) throws Exception {
        if (!selected(id)) {
            return;
        }
        Map<String, List<Measurement>> runs = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (long mib : chunkMibs) {
                log(id + " round " + (round + 1) + "/" + rounds + ": " + mib + " MiB chunks");
                emulators.clearReports();
                Measurement m = JvmClient.run(new ClientSpec("component", service, "chunked", mib * MIB, "file", url,
                        List.of(warm), List.of(big), false), throughputHeap);
                emulators.verify(service, List.of(warm, big), data);
                runs.computeIfAbsent(mib + " MiB", k -> new ArrayList<>()).add(m);
            }
        }
        report.sweep(id, service, runs);
    }

    private static void log(String line) {
        System.out.println("[bench] " + line);
        System.out.flush();
    }

    static <T> List<Double> values(List<T> items, Function<T, Double> f) {
        return items.stream().map(f).toList();
    }
}
