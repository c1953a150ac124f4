package io.github.camelupload.emulators;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs both emulators until Ctrl+C, for trying the components by hand.
 *
 * <pre>
 * EmulatorsMain [--storage DIR] [--clickhelp-port N] [--contentisland-port N] [--host 127.0.0.1|0.0.0.0] [--counting] [--https]
 * </pre>
 * {@code --counting} (or {@code -Demulators.counting=true}) runs both in counting mode: uploads are validated,
 * counted and hashed but not stored (see {@link ClickHelpEmulator#countingOnly}); the STORED lines still come.
 * {@code --https} (or {@code -Demulators.https=true}) serves both over HTTPS with the bundled self-signed test
 * certificate ({@link EmulatorTls}).
 * Ports also come from the system properties {@code clickhelp.port} / {@code contentisland.port} (default 0: a
 * free port); the storage folder from {@code emulators.storage} (default: a temporary folder, deleted on exit); the
 * address to listen on from {@code --host} / {@code emulators.host} (default 127.0.0.1; 0.0.0.0 in a container).
 *
 * <p>Besides the human-readable lines, it prints one line a program can parse once both listen:
 * <pre>EMULATORS-READY clickhelp=http://127.0.0.1:P contentisland=http://127.0.0.1:Q/api/1.0 storage=DIR</pre>
 * and one line per completely stored file: {@code STORED clickhelp|contentisland SIZE SHA256 NAME}.
 */
public final class EmulatorsMain {

    private EmulatorsMain() {
    }

    public static void main(String[] args) throws Exception {
        Integer clickHelpPort = Integer.getInteger("clickhelp.port", 0);
        Integer contentIslandPort = Integer.getInteger("contentisland.port", 0);
        String storage = System.getProperty("emulators.storage");
        boolean https = Boolean.getBoolean("emulators.https");
        // explicit opt-in for containers: the default stays loopback only
        String bindHost = System.getProperty("emulators.host", "127.0.0.1");
        boolean counting = Boolean.getBoolean("emulators.counting");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--counting")) {
                counting = true;
                continue;
            }
            if (arg.equals("--https")) {
                https = true;
                continue;
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
                arg = arg.substring(0, arg.indexOf('='));
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw usage("missing value for " + arg);
            }
            switch (arg) {
                case "--storage" -> storage = value;
                case "--clickhelp-port" -> clickHelpPort = Integer.valueOf(value);
                case "--contentisland-port" -> contentIslandPort = Integer.valueOf(value);
                case "--host" -> bindHost = value;
                default -> throw usage("unknown option " + arg);
            }
        }
        boolean temporary = storage == null;
        Path root = temporary ? Files.createTempDirectory("camel-upload-emulators-") : Path.of(storage);

        ClickHelpEmulator clickHelp = new ClickHelpEmulator(root.resolve("clickhelp"), clickHelpPort);
        ContentIslandEmulator contentIsland = new ContentIslandEmulator(root.resolve("contentisland"),
                contentIslandPort);
        clickHelp.https(https);
        contentIsland.https(https);
        clickHelp.bindHost(bindHost);
        contentIsland.bindHost(bindHost);
        clickHelp.countingOnly(counting);
        contentIsland.countingOnly(counting);
        PrintStream out = System.out;
        clickHelp.onStored(f -> out.println("STORED clickhelp " + f.size() + " " + f.sha256() + " " + f.name()));
        contentIsland.onStored(f -> out.println("STORED contentisland " + f.size() + " " + f.sha256() + " "
                + f.name()));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            clickHelp.stop();
            contentIsland.stop();
            if (temporary) {
                try {
                    FileTrees.deleteTree(root);
                } catch (IOException e) {
                    System.err.println("could not delete " + root + ": " + e);
                }
            }
            stopped.countDown();
        }, "emulators-shutdown"));

        clickHelp.start();
        contentIsland.start();
        out.println("ClickHelp Storage emulator:  " + clickHelp.portalUrl() + "  (API " + clickHelp.apiUrl() + ")");
        out.println("    HTTP Basic login: " + clickHelp.username() + "   API key: " + clickHelp.apiKey());
        out.println("ContentIsland emulator:      " + contentIsland.baseUrl() + "  (upload "
                + contentIsland.uploadUrl() + ")");
        out.println("    write token: " + contentIsland.writeToken() + "   read-only token: "
                + contentIsland.readOnlyToken());
        if (https) {
            out.println("HTTPS with a self-signed test certificate: trust " + EmulatorTls.TRUST_STORE_RESOURCE
                    + " (password " + EmulatorTls.PASSWORD + ") or " + EmulatorTls.CERTIFICATE_PEM_RESOURCE
                    + " from the emulators jar");
        }
        out.println("Storage: " + root + (temporary ? " (temporary, deleted on exit)" : "")
                + (counting ? "; counting mode: uploads are counted and hashed, not stored" : ""));
        out.println("EMULATORS-READY clickhelp=" + clickHelp.portalUrl() + " contentisland=" + contentIsland.baseUrl()
                + " storage=" + root);
        out.println("Press Ctrl+C to stop.");
        out.flush();
        stopped.await();
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem
                + "; usage: EmulatorsMain [--storage DIR] [--clickhelp-port N] [--contentisland-port N] [--host 127.0.0.1|0.0.0.0] [--counting] [--https]");
    }
}
