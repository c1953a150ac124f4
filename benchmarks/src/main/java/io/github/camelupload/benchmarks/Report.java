package io.github.camelupload.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Collects the figures of every case: the JSON results file (raw runs and summaries) and a Markdown summary. */
final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final double MIB = 1024.0 * 1024;

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode cases = root.putArray("cases");
    private final List<String> rows = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    Report(boolean quick) {
        root.put("started", LocalDateTime.now().toString());
        root.put("quick", quick);
        ObjectNode machine = root.putObject("machine");
        machine.put("cpu", cpuModel());
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("curl", curlVersion());
    }

    void throughput(String id, String title, Map<String, List<Measurement>> runs) {
        boolean perFile = runs.values().iterator().next().get(0).files() > 1;
        ObjectNode node = caseNode(id, title, runs);
        ObjectNode summary = node.putObject("summary");
        for (var entry : runs.entrySet()) {
            List<Double> rate = BenchmarkMain.values(entry.getValue(),
                    m -> perFile ? m.filesPerSecond() : m.mibPerSecond());
            List<Double> cpu = BenchmarkMain.values(entry.getValue(), Measurement::cpuSecondsPerGib);
            summary.putObject(entry.getKey())
                    .put(perFile ? "filesPerSecondMedian" : "mibPerSecondMedian", Stats.median(rate))
                    .put("spreadPercent", Stats.spreadPercent(rate))
                    .put("cpuSecondsPerGibMedian", Stats.median(cpu))
                    .put("cpuSecondsMedian", Stats.median(BenchmarkMain.values(entry.getValue(), Measurement::cpuSeconds)));
        }
        double component = summary.get("component").get(perFile ? "filesPerSecondMedian" : "mibPerSecondMedian").asDouble();
        double bare = summary.get("httpclient").get(perFile ? "filesPerSecondMedian" : "mibPerSecondMedian").asDouble();
        double curl = summary.get("curl").get(perFile ? "filesPerSecondMedian" : "mibPerSecondMedian").asDouble();
        double cpuRatio = summary.get("component").get("cpuSecondsPerGibMedian").asDouble()
                / summary.get("httpclient").get("cpuSecondsPerGibMedian").asDouble();
        summary.put("componentToHttpClient", component / bare).put("componentToCurl", component / curl)
                .put("cpuComponentToHttpClient", cpuRatio);
        String unit = perFile ? "files/s" : "MiB/s";
        rows.add(String.format(Locale.ROOT, "| %s | %s %s (±%.0f%%) | %s %s (±%.0f%%) | %s %s (±%.0f%%) | **%.2f** | %.2f | %.2f / %.2f / %.2f s/GiB → **%.2f** |",
                title, fmt(component), unit, spread(summary, "component"), fmt(bare), unit, spread(summary, "httpclient"),
                fmt(curl), unit, spread(summary, "curl"), component / bare, component / curl,
                summary.get("component").get("cpuSecondsPerGibMedian").asDouble(),
                summary.get("httpclient").get("cpuSecondsPerGibMedian").asDouble(),
                summary.get("curl").get("cpuSecondsPerGibMedian").asDouble(), cpuRatio));
    }

    void memory(String id, String title, String heap, Map<String, List<Measurement>> runs) {
        ObjectNode node = caseNode(id, title + " at -Xmx" + heap, runs);
        for (var entry : runs.entrySet()) {
            Measurement m = entry.getValue().get(0);
            details.add(String.format(Locale.ROOT,
                    "| %s, %s, -Xmx%s | completed, %.0f MiB in %.1f s | %.1f MiB | %.1f MiB |", entry.getKey(), title,
                    heap, m.bytes() / MIB, m.seconds(), m.peakLiveAboveIdle() / MIB, m.peakAfterGcAboveIdle() / MIB));
        }
        node.put("heap", heap);
    }

    void sizes(String id, String service, List<Long> bytes, List<Measurement> runs) {
        ObjectNode node = JSON.createObjectNode().put("id", id).put("service", service);
        cases.add(node);
        ArrayNode points = node.putArray("points");
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        StringBuilder cells = new StringBuilder();
        for (int i = 0; i < bytes.size(); i++) {
            int index = i;
            List<Double> seconds = BenchmarkMain.values(runs, m -> m.perFileSeconds().get(index));
            double median = Stats.median(seconds);
            x.add(bytes.get(i) / (MIB * 1024));
            y.add(median);
            points.addObject().put("bytes", bytes.get(i)).put("secondsMedian", median)
                    .put("spreadPercent", Stats.spreadPercent(seconds)).putPOJO("seconds", seconds);
            cells.append(String.format(Locale.ROOT, "%.0f MiB: %.2f s; ", bytes.get(i) / MIB, median));
        }
        Stats.Line line = Stats.fit(x, y);
        node.put("slopeSecondsPerGib", line.slope()).put("fixedSeconds", line.intercept()).put("rSquared", line.rSquared());
        details.add(String.format(Locale.ROOT, "| time against size, %s | %s| slope %.2f s/GiB, fixed %.3f s, R² %.4f |",
                service, cells, line.slope(), line.intercept(), line.rSquared()));
    }

    void sweep(String id, String service, Map<String, List<Measurement>> runs) {
        ObjectNode node = caseNode(id, "chunk-size sweep, " + service, runs);
        StringBuilder cells = new StringBuilder();
        ObjectNode summary = node.putObject("summary");
        for (var entry : runs.entrySet()) {
            List<Double> rate = BenchmarkMain.values(entry.getValue(), Measurement::mibPerSecond);
            List<Double> cpu = BenchmarkMain.values(entry.getValue(), Measurement::cpuSecondsPerGib);
            summary.putObject(entry.getKey()).put("mibPerSecondMedian", Stats.median(rate))
                    .put("spreadPercent", Stats.spreadPercent(rate)).put("cpuSecondsPerGibMedian", Stats.median(cpu));
            cells.append(String.format(Locale.ROOT, "%s: %s MiB/s (±%.0f%%), %.2f CPU s/GiB; ", entry.getKey(),
                    fmt(Stats.median(rate)), Stats.spreadPercent(rate), Stats.median(cpu)));
        }
        details.add("| chunk-size sweep, " + service + " | " + cells + "|");
    }

    void totalSeconds(double seconds) {
        root.put("totalSeconds", seconds);
    }

    Path write(Path dir) throws IOException {
        Path file = dir.resolve("results-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + ".json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(root.get("machine")).append('\n');
        md.append("\n| case | component | bare HttpClient 5 | curl | component / HttpClient | component / curl | CPU per GiB component / HttpClient / curl → ratio |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        md.append("\n| case | outcome | peak live heap above idle | peak heap after any GC above idle |\n|---|---|---|---|\n");
        details.stream().filter(d -> d.contains("-Xmx")).forEach(d -> md.append(d).append('\n'));
        md.append('\n');
        details.stream().filter(d -> !d.contains("-Xmx")).forEach(d -> md.append(d).append('\n'));
        return md.toString();
    }

    private ObjectNode caseNode(String id, String title, Map<String, List<Measurement>> runs) {
        ObjectNode node = JSON.createObjectNode().put("id", id).put("title", title);
        cases.add(node);
        ObjectNode raw = node.putObject("runs");
        runs.forEach((client, list) -> raw.set(client, JSON.valueToTree(list)));
        return node;
    }

    private static double spread(ObjectNode summary, String client) {
        return summary.get(client).get("spreadPercent").asDouble();
    }

    private static String fmt(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String curlVersion() {
        try {
            Process p = new ProcessBuilder("curl", "--version").start();
            String first = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("");
            p.waitFor();
            return first.split(" ").length > 1 ? first.split(" ")[1] : first;
        } catch (Exception e) {
            return "unknown";
        }
    }
}
