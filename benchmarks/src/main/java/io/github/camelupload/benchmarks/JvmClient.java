package io.github.camelupload.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs {@link ClientMain} in a fresh JVM with a given heap limit and reads its result line. */
final class JvmClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JvmClient() {
    }

    static Measurement run(ClientSpec spec, String maxHeap) throws Exception {
        List<String> command = new ArrayList<>(List.of(Jvm.java(), "-Xmx" + maxHeap, "-cp", Jvm.classpath()));
        String jfr = System.getProperty("bench.jfr"); // e.g. -Dbench.jfr=target/jfr: one recording per client run
        if (jfr != null && !jfr.isBlank()) {
            command.add("-XX:StartFlightRecording=filename=" + jfr + "/" + spec.client() + "-" + spec.service() + "-"
                    + System.nanoTime() + ".jfr,settings=profile");
        }
        command.add(ClientMain.class.getName());
        command.addAll(spec.toArgs());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String result = null;
        StringBuilder other = new StringBuilder();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(ClientMain.RESULT_PREFIX)) {
                    result = line.substring(ClientMain.RESULT_PREFIX.length());
                } else {
                    other.append(line).append('\n');
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || result == null) {
            throw new IllegalStateException(spec.client() + " " + spec.service() + " failed (exit " + exit + ")\n"
                    + other);
        }
        return Measurement.fromJson(spec.client(), JSON.readTree(result));
    }
}
