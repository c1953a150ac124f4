package io.github.camelupload.benchmarks;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One measured run of one client: wall seconds of the timed uploads, CPU seconds (user + sys) the client spent on
 * them, bytes and files uploaded, heap above idle (-1 when not measured, e.g. for curl) and, when the run uploaded a
 * few files, the seconds of each.
 */
record Measurement(String client, double seconds, double cpuSeconds, long bytes, int files, long peakLiveAboveIdle,
                   long peakAfterGcAboveIdle, long maxHeap, List<Double> perFileSeconds) {

    static Measurement fromJson(String client, JsonNode json) {
        List<Double> perFile = new ArrayList<>();
        if (json.has("perFileSeconds")) {
            json.get("perFileSeconds").forEach(n -> perFile.add(n.asDouble()));
        }
        return new Measurement(client, json.get("seconds").asDouble(), json.get("cpuSeconds").asDouble(),
                json.get("bytes").asLong(), json.get("files").asInt(), json.get("peakLiveAboveIdleBytes").asLong(),
                json.get("peakAfterGcAboveIdleBytes").asLong(), json.get("maxHeapBytes").asLong(), perFile);
    }

    double mibPerSecond() {
        return bytes / 1048576.0 / seconds;
    }

    double filesPerSecond() {
        return files / seconds;
    }

    double cpuSecondsPerGib() {
        return cpuSeconds / (bytes / 1073741824.0);
    }
}
