package io.github.camelupload.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelupload.emulators.EmulatorsMain;

/**
 * Both emulators in counting mode, in a JVM of their own (so the client's CPU and heap figures are its own), started
 * through {@link EmulatorsMain}. Every upload they complete is reported as a {@code STORED} line, which
 * {@link #verify} checks against the source file's size and SHA-256.
 */
final class EmulatorProcess implements AutoCloseable {

    /** One completed upload as the emulator reported it. */
    record Stored(String service, long size, String sha256, String name) {
    }

    private static final Pattern READY = Pattern.compile("EMULATORS-READY clickhelp=(\\S+) contentisland=(\\S+) .*");
    private static final Pattern STORED = Pattern.compile("STORED (\\S+) (\\d+) (\\S+) (.+)");

    private final Process process;
    private final BlockingQueue<Stored> stored = new LinkedBlockingQueue<>();
    private final String clickHelpUrl;
    private final String contentIslandUrl;

    EmulatorProcess(Path storage) throws Exception {
        List<String> command = new ArrayList<>(List.of(Jvm.java(), "-Xmx512m", "-cp", Jvm.classpath(),
                EmulatorsMain.class.getName(), "--counting", "--storage", storage.toString()));
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Matcher ready = null;
        for (String line; (line = out.readLine()) != null; ) {
            Matcher m = READY.matcher(line);
            if (m.matches()) {
                ready = m;
                break;
            }
        }
        if (ready == null) {
            throw new IllegalStateException("the emulators did not start");
        }
        clickHelpUrl = ready.group(1);
        contentIslandUrl = ready.group(2);
        Thread reader = new Thread(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = STORED.matcher(line);
                    if (m.matches()) {
                        stored.add(new Stored(m.group(1), Long.parseLong(m.group(2)), m.group(3), m.group(4)));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "emulator-output");
        reader.setDaemon(true);
        reader.start();
    }

    String clickHelpUrl() {
        return clickHelpUrl;
    }

    String contentIslandUrl() {
        return contentIslandUrl;
    }

    /** Forgets reports of earlier runs (e.g. of a failed one). */
    void clearReports() {
        stored.clear();
    }

    /**
     * Waits for one report per expected file, in order, and checks each one's size and SHA-256.
     *
     * @throws IllegalStateException when a report is missing or does not match: the run is not valid
     */
    void verify(String service, List<Path> files, TestData data) throws Exception {
        for (Path file : files) {
            Stored report = stored.poll(60, TimeUnit.SECONDS);
            String name = file.getFileName().toString();
            if (report == null) {
                throw new IllegalStateException("the emulator reported no completed upload for " + name);
            }
            check(report, service, file, data);
        }
    }

    /** Whether the emulator got exactly the file: same service, name, size and SHA-256; throws when not. */
    static void check(Stored report, String service, Path file, TestData data) throws IOException {
        String name = file.getFileName().toString();
        long size = java.nio.file.Files.size(file);
        boolean sameName = report.name().equals("bench/" + name) || report.name().endsWith("-" + name);
        if (!report.service().equals(service) || !sameName || report.size() != size
                || !report.sha256().equals(data.sha256(file))) {
            throw new IllegalStateException("upload of " + name + " does not match its source: the emulator got "
                    + report + ", the file has " + size + " bytes, SHA-256 " + data.sha256(file));
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
