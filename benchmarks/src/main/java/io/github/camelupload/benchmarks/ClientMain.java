package io.github.camelupload.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The client JVM of one benchmark run: uploads the warm-up files (untimed, so JIT and connection set-up are out of
 * the figures), then the measured files, and prints one {@code RESULT {json}} line with wall time, the process's CPU
 * time (user + sys of every thread: JIT and GC included) and heap figures. It runs in its own JVM so CPU and heap are
 * the client's alone; the emulator runs in another.
 */
public final class ClientMain {

    static final String RESULT_PREFIX = "RESULT ";

    private ClientMain() {
    }

    public static void main(String[] args) throws Exception {
        ClientSpec spec = ClientSpec.parse(args);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Uploader uploader = create(spec)) {
            for (Path file : spec.warmup()) {
                uploader.upload(file, file.getFileName().toString());
            }
            List<Double> perFile = new ArrayList<>();
            long bytes = 0;
            long start;
            long cpuStart;
            long end;
            long cpuEnd;
            HeapWatcher heap = new HeapWatcher(spec.sampleHeap());
            try (heap) {
                cpuStart = os.getProcessCpuTime();
                start = System.nanoTime();
                for (Path file : spec.files()) {
                    long t0 = System.nanoTime();
                    uploader.upload(file, file.getFileName().toString());
                    perFile.add((System.nanoTime() - t0) / 1e9);
                    bytes += Files.size(file);
                }
                end = System.nanoTime();
                cpuEnd = os.getProcessCpuTime();
            }
            ObjectNode result = new ObjectMapper().createObjectNode()
                    .put("seconds", (end - start) / 1e9)
                    .put("cpuSeconds", (cpuEnd - cpuStart) / 1e9)
                    .put("bytes", bytes)
                    .put("files", spec.files().size())
                    .put("idleHeapBytes", heap.idle())
                    .put("peakLiveAboveIdleBytes", heap.peakLiveAboveIdle())
                    .put("peakAfterGcAboveIdleBytes", heap.peakAfterGcAboveIdle())
                    .put("maxHeapBytes", Runtime.getRuntime().maxMemory());
            // per-file times only matter for the size sweep; 2,000 small files would just bloat the results
            if (spec.files().size() <= 16) {
                perFile.forEach(result.putArray("perFileSeconds")::add);
            }
            System.out.println(RESULT_PREFIX + result);
        }
    }

    private static Uploader create(ClientSpec spec) throws Exception {
        boolean clickHelp = spec.service().equals("clickhelp");
        return switch (spec.client()) {
            case "component" -> new CamelComponentUploader(spec);
            case "httpclient" -> clickHelp ? new BareClickHelpUploader(spec) : new BareContentIslandUploader(spec);
            default -> throw new IllegalArgumentException("unknown client " + spec.client());
        };
    }
}
