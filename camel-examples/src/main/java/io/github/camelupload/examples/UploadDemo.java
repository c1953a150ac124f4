package io.github.camelupload.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.main.Main;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * The demo: inbox folders feeding {@code clickhelp:} and {@code contentisland:} routes, run by Camel Main, against
 * the real services when credentials are given and the embedded emulators otherwise. It shows live progress,
 * verifies every upload by reading it back through the service's API, prints a summary, and exits 0 only when
 * every upload verified.
 */
public final class UploadDemo {

    private final DemoSettings settings;
    private final PrintStream out;
    private final boolean terminal;

    public UploadDemo(DemoSettings settings, PrintStream out, boolean terminal) {
        this.settings = settings;
        this.out = out;
        this.terminal = terminal;
    }

    public static void main(String[] args) throws Exception {
        DemoSettings settings = DemoSettings.load();
        boolean verified = new UploadDemo(settings, System.out, System.console() != null).run();
        System.exit(verified ? 0 : 1);
    }

    /** Runs the whole demo; true when every upload was verified. */
    public boolean run() throws Exception {
        Path inbox = settings.inbox().toAbsolutePath();
        Map<String, String> expectedSha = new HashMap<>();
        try (EmbeddedServices services = new EmbeddedServices();
             ProgressBoard progress = new ProgressBoard(out, terminal)) {
            DemoSettings.ClickHelpAccount clickHelp = settings.clickHelp();
            DemoSettings.ContentIslandAccount contentIsland = settings.contentIsland();
            if (clickHelp == null) {
                clickHelp = services.startClickHelp(settings.workDir().resolve("clickhelp-storage"), out);
            } else {
                out.println("ClickHelp portal       " + clickHelp.portalUrl() + " (credentials from the environment)");
            }
            if (contentIsland == null) {
                contentIsland = services.startContentIsland(settings.workDir().resolve("contentisland-storage"), out);
            } else {
                out.println("ContentIsland API      " + contentIsland.baseUrl() + " (token from the environment)");
            }
            long started = System.nanoTime();
            prepareInbox(inbox.resolve("clickhelp"), settings.clickHelp() == null, "ch", expectedSha);
            prepareInbox(inbox.resolve("contentisland"), settings.contentIsland() == null, "ci", expectedSha);
            out.printf("Sample files ready in %s (%.1fs)%n%n", inbox, (System.nanoTime() - started) / 1e9);

            UploadLedger ledger = new UploadLedger();
            Main main = new Main();
            main.bind("uploadProgress", progress);
            main.bind("uploadLedger", ledger);
            main.bind("resumeLogger", new ResumeLogger());
            Path stateFile = settings.workDir().resolve("upload-state.dat").toAbsolutePath();
            main.bind("uploadState", FileStateRepository.fileStateRepository(stateFile.toFile()));
            main.addInitialProperty("demo.inbox", inbox.toString());
            main.addInitialProperty("demo.maxRetries", "2");
            main.addInitialProperty("demo.redeliveries", String.valueOf(settings.redeliveries()));
            main.addInitialProperty("clickhelp.portalUrl", clickHelp.portalUrl());
            main.addInitialProperty("clickhelp.username", clickHelp.username());
            main.addInitialProperty("clickhelp.apiKey", clickHelp.apiKey());
            main.addInitialProperty("clickhelp.folder", settings.clickHelpFolder());
            main.addInitialProperty("contentisland.baseUrl", contentIsland.baseUrl());
            main.addInitialProperty("contentisland.token", contentIsland.token());
            // large files go chunked (resumable, with progress per chunk), small ones in one request
            main.addInitialProperty("contentisland.simpleUploadLimit", String.valueOf(32L * 1024 * 1024));
            if ("yaml".equalsIgnoreCase(settings.routes())) {
                main.configure().withRoutesIncludePattern("classpath:routes/upload-routes.yaml");
            } else {
                main.configure().addRoutesBuilder(new UploadRoutes());
            }
            main.configure().setName("camel-upload-demo");

            int files = countFiles(inbox);
            out.println("Uploading " + files + " files with the " + settings.routes().toLowerCase() + " routes...");
            main.start();
            List<UploadLedger.Outcome> outcomes;
            try {
                outcomes = ledger.await(files, DemoSettings.uploadTimeout());
            } finally {
                main.stop();
            }
            progress.close();

            out.println();
            out.println("Verifying by reading every file back through the service's API...");
            List<SummaryTable.Row> rows = verify(outcomes, clickHelp, progress, expectedSha);
            SummaryTable.print(out, rows, files);
            out.print(services.injectedFaults());
            return rows.size() == files && rows.stream().allMatch(SummaryTable.Row::verified);
        }
    }

    /** Writes the sample files into an inbox (always for an emulator, only into an empty inbox for a real service). */
    private void prepareInbox(Path dir, boolean emulated, String prefix, Map<String, String> expectedSha)
            throws IOException {
        if (emulated && Files.isDirectory(dir)) {
            try (Stream<Path> old = Files.list(dir)) {
                for (Path file : old.filter(Files::isRegularFile).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(dir);
        if (countFiles(dir) == 0) {
            String[] names = { "release-notes.txt", "user-guide.pdf", "training-video.mp4" };
            List<Long> sizes = emulated ? settings.sampleSizes() : settings.sampleSizes().subList(0, 2);
            for (int i = 0; i < sizes.size(); i++) {
                String name = prefix + "-" + names[Math.min(i, names.length - 1)];
                expectedSha.put(dir.resolve(name).toString(), SampleFiles.write(dir.resolve(name), sizes.get(i), i + 1));
            }
        } else {
            try (Stream<Path> existing = Files.list(dir)) {
                for (Path file : existing.filter(Files::isRegularFile).toList()) {
                    expectedSha.put(file.toString(), SampleFiles.sha256Of(file));
                }
            }
        }
    }

    private static int countFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return (int) files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }

    private List<SummaryTable.Row> verify(List<UploadLedger.Outcome> outcomes, DemoSettings.ClickHelpAccount clickHelp,
            ProgressBoard progress, Map<String, String> expectedSha) {
        Verifier verifier = new Verifier();
        List<SummaryTable.Row> rows = new ArrayList<>();
        for (UploadLedger.Outcome outcome : outcomes.stream()
                .sorted(Comparator.comparing(UploadLedger.Outcome::service).thenComparing(UploadLedger.Outcome::size)).toList()) {
            var entry = progress.find(outcome.fileName());
            int retries = entry.map(ProgressBoard.Entry::retries).orElse(0);
            boolean resumed = outcome.redeliveries() > 0 || entry.map(e -> e.latest().resumedFrom() > 0).orElse(false);
            if (!outcome.succeeded()) {
                rows.add(new SummaryTable.Row(outcome, retries, resumed, false, "failed: " + outcome.error()));
                continue;
            }
            try {
                String stored = outcome.service().equals("ClickHelp")
                        ? verifier.clickHelpSha256(clickHelp, outcome.storedAt())
                        : verifier.urlSha256(outcome.storedAt());
                String expected = expectedSha.get(outcome.localPath());
                boolean same = stored.equals(expected);
                rows.add(new SummaryTable.Row(outcome, retries, resumed, same,
                        same ? null : "stored SHA-256 " + stored + " differs from the sent " + expected));
            } catch (IOException e) {
                rows.add(new SummaryTable.Row(outcome, retries, resumed, false, "could not read it back: " + e.getMessage()));
            }
        }
        return rows;
    }
}
