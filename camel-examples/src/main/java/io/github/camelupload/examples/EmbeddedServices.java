package io.github.camelupload.examples;

import java.io.PrintStream;
import java.nio.file.Path;

import io.github.camelupload.emulators.ClickHelpEmulator;
import io.github.camelupload.emulators.ContentIslandEmulator;
import io.github.camelupload.emulators.Fault;

/**
 * The emulators standing in for whichever service has no credentials, on free loopback ports, with a few announced
 * faults so the demo shows retries, resynchronisation and resume at work.
 */
final class EmbeddedServices implements AutoCloseable {

    private ClickHelpEmulator clickHelp;
    private ContentIslandEmulator contentIsland;

    DemoSettings.ClickHelpAccount startClickHelp(Path storage, PrintStream out) {
        clickHelp = new ClickHelpEmulator(storage).start();
        // with maxRetries=2 in the demo, three 503 in a row exhaust the retries: the exchange fails and its
        // redelivery resumes from the offset header
        clickHelp.faults()
                .onNth("PUT", 2, Fault.dropConnectionAfter(64 * 1024))
                .onNth("PUT", 4, Fault.status(503))
                .onNth("PUT", 6, Fault.partialChunk(1024 * 1024))
                .onNth("PUT", 8, Fault.status(503))
                .onNth("PUT", 9, Fault.status(503))
                .onNth("PUT", 10, Fault.status(503));
        out.println("ClickHelp emulator     " + clickHelp.portalUrl() + "  faults: PUT #2 connection dropped after 64 KiB,"
                    + " #4 503, #6 keeps only 1 MiB of the chunk, #8-#10 503 x3 (exchange fails, redelivery resumes)");
        return new DemoSettings.ClickHelpAccount(clickHelp.portalUrl(), clickHelp.username(), clickHelp.apiKey());
    }

    DemoSettings.ContentIslandAccount startContentIsland(Path storage, PrintStream out) {
        contentIsland = new ContentIslandEmulator(storage).start();
        contentIsland.faults()
                .onNth("POST", 2, Fault.dropConnectionAfter(512 * 1024))
                .onNth("POST", 5, Fault.status(503))
                .onNth("POST", 7, Fault.loseResponse())
                .onNth("POST", 9, Fault.status(503))
                .onNth("POST", 10, Fault.tooManyRequests(1))
                .onNth("POST", 11, Fault.status(503));
        out.println("ContentIsland emulator " + contentIsland.baseUrl() + "  faults: POST #2 connection dropped after 512 KiB,"
                    + " #5 503, #7 response lost, #9-#11 503/429/503 (exchange fails, redelivery resumes)");
        return new DemoSettings.ContentIslandAccount(contentIsland.baseUrl(), contentIsland.writeToken());
    }

    /** Faults the emulators injected, by kind, for the summary. */
    String injectedFaults() {
        StringBuilder text = new StringBuilder();
        if (clickHelp != null) {
            text.append("ClickHelp faults injected: ").append(clickHelp.faults().injectedCounts()).append('\n');
        }
        if (contentIsland != null) {
            text.append("ContentIsland faults injected: ").append(contentIsland.faults().injectedCounts()).append('\n');
        }
        return text.toString();
    }

    @Override
    public void close() {
        if (clickHelp != null) {
            clickHelp.stop();
        }
        if (contentIsland != null) {
            contentIsland.stop();
        }
    }
}
