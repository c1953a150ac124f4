package io.github.camelupload.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.camelupload.emulators.Fault;

/** What one soak run counted, and its report (printed and written to a file). */
final class SoakFigures {

    final long seed;
    int uploads;
    long bytes;
    final Map<SoakPlan.Service, Integer> perService = new EnumMap<>(SoakPlan.Service.class);
    final Map<BodyType, Integer> perBody = new EnumMap<>(BodyType.class);
    int identical;
    final List<String> failed = new ArrayList<>();
    final List<String> corrupted = new ArrayList<>();
    final List<String> lost = new ArrayList<>();
    long requests;
    final Map<Fault.Kind, Long> faults = new TreeMap<>();
    long retries;
    long resumes;
    long restarts;
    /** Resumed attempts that found the session gone and the file complete: an earlier attempt's answer was lost. */
    long completedByEarlierAttempt;
    long redeliveries;
    /** Exchanges sent again, with their resume headers, after the error handler gave up. */
    long resentAfterFailure;
    /** Failed exchanges that carried no resume point (must be none: every failure leaves one). */
    final List<String> resentWithoutResumePoint = new ArrayList<>();
    int unfinishedClickHelp;
    /** Per ClickHelp session left open: its path and every request the server saw for that path. */
    final List<String> unfinishedClickHelpTrails = new ArrayList<>();
    int unfinishedContentIsland;
    int extraContentIslandResources;
    long peakHeap;
    long maxHeap;
    Duration duration = Duration.ZERO;

    SoakFigures(long seed) {
        this.seed = seed;
    }

    long faultTotal() {
        return faults.values().stream().mapToLong(Long::longValue).sum();
    }

    double faultRate() {
        return requests == 0 ? 0 : (double) faultTotal() / requests;
    }

    void addFaults(Map<Fault.Kind, Long> counts) {
        counts.forEach((kind, n) -> faults.merge(kind, n, Long::sum));
    }

    String report(String command) {
        StringBuilder r = new StringBuilder();
        r.append("## Fault soak, seed ").append(seed).append("\n\n");
        r.append("Reproduce: `").append(command).append("`\n\n");
        r.append("| figure | value |\n|---|---|\n");
        row(r, "uploads", uploads + " (" + perService + ")");
        row(r, "body types", perBody.toString());
        row(r, "bytes uploaded", String.format("%,d (%.1f MiB)", bytes, bytes / 1048576.0));
        row(r, "duration", duration.toSeconds() + " s");
        row(r, "requests the emulators received", Long.toString(requests));
        row(r, "faults injected", String.format("%d (%.1f%% of requests)", faultTotal(), 100 * faultRate()));
        faults.forEach((kind, n) -> row(r, "&nbsp;&nbsp;" + kind, n.toString()));
        row(r, "retries (component, per request)", Long.toString(retries));
        row(r, "redeliveries (Camel error handler)", Long.toString(redeliveries));
        row(r, "exchanges re-sent after redeliveries ran out (with the resume headers)", Long.toString(resentAfterFailure));
        row(r, "&nbsp;&nbsp;of those, without a resume point", Integer.toString(resentWithoutResumePoint.size()));
        row(r, "resumes (an attempt continued a partial upload)", Long.toString(resumes));
        row(r, "restarts from byte 0 (server lost the session)", Long.toString(restarts));
        row(r, "completed by an earlier attempt whose last answer was lost (found by GET on resume)",
                Long.toString(completedByEarlierAttempt));
        row(r, "uploads byte-identical", identical + " of " + uploads);
        row(r, "uploads failed", Integer.toString(failed.size()));
        row(r, "uploads lost (success reported, nothing stored)", Integer.toString(lost.size()));
        row(r, "uploads corrupted (stored bytes differ)", Integer.toString(corrupted.size()));
        row(r, "ClickHelp sessions left unfinished", Integer.toString(unfinishedClickHelp));
        row(r, "ContentIsland chunked uploads left unfinished", Integer.toString(unfinishedContentIsland));
        row(r, "ContentIsland extra copies stored (non-idempotent retries)", Integer.toString(extraContentIslandResources));
        row(r, "peak heap used (sampled every 20 ms, garbage included)",
                String.format("%.0f MiB of %.0f MiB max", peakHeap / 1048576.0, maxHeap / 1048576.0));
        for (String f : failed) {
            r.append("\nFAILED: ").append(f);
        }
        for (String c : corrupted) {
            r.append("\nCORRUPTED: ").append(c);
        }
        for (String l : lost) {
            r.append("\nLOST: ").append(l);
        }
        for (String u : unfinishedClickHelpTrails) {
            r.append("\nUNFINISHED CLICKHELP SESSION: ").append(u);
        }
        return r.append('\n').toString();
    }

    private static void row(StringBuilder r, String name, String value) {
        r.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    void write(Path file, String report) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }
}
