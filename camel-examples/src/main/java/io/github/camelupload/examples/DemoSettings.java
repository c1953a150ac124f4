package io.github.camelupload.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * What the demo runs against, read from environment variables, then system properties, then an
 * {@code application.properties} in the working directory, then the defaults on the classpath. A service whose
 * credentials are missing is replaced by its embedded emulator.
 *
 * @param clickHelp     the real ClickHelp portal, or null to emulate it
 * @param contentIsland the real ContentIsland account, or null to emulate it
 * @param sampleSizes   sizes of the sample files written into each inbox (emulated services only, or an empty inbox)
 */
public record DemoSettings(Path workDir, ClickHelpAccount clickHelp, ContentIslandAccount contentIsland,
                           List<Long> sampleSizes, String routes, String clickHelpFolder, int redeliveries) {

    public record ClickHelpAccount(String portalUrl, String username, String apiKey) {
        @Override
        public String toString() {
            return "ClickHelpAccount[portalUrl=" + portalUrl + ", username=" + username + ", apiKey=***]";
        }
    }

    public record ContentIslandAccount(String baseUrl, String token) {
        @Override
        public String toString() {
            return "ContentIslandAccount[baseUrl=" + baseUrl + ", token=***]";
        }
    }

    /** Small, medium (two ClickHelp chunks, one simple ContentIsland request) and large (many chunks). */
    public static final List<Long> DEFAULT_SAMPLE_SIZES = List.of(200L * 1024, 12L * 1024 * 1024, 300L * 1024 * 1024);

    public static DemoSettings load() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = DemoSettings.class.getResourceAsStream("/demo-defaults.properties")) {
            if (in != null) {
                defaults.load(in);
            }
        }
        Properties local = new Properties(defaults);
        Path file = Path.of("application.properties");
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                local.load(reader);
            }
        }
        Lookup lookup = new Lookup(local);
        String portal = lookup.get("CLICKHELP_PORTAL_URL", "clickhelp.portalUrl");
        String user = lookup.get("CLICKHELP_USERNAME", "clickhelp.username");
        String apiKey = lookup.get("CLICKHELP_API_KEY", "clickhelp.apiKey");
        String token = lookup.get("CONTENTISLAND_TOKEN", "contentisland.token");
        String baseUrl = lookup.get("CONTENTISLAND_BASE_URL", "contentisland.baseUrl");
        ClickHelpAccount clickHelp = portal != null && user != null && apiKey != null
                ? new ClickHelpAccount(portal, user, apiKey) : null;
        ContentIslandAccount contentIsland = token != null
                ? new ContentIslandAccount(baseUrl != null ? baseUrl : "https://api.contentisland.net/api/1.0", token) : null;
        String work = lookup.get("DEMO_WORK_DIR", "demo.workDir");
        String routes = lookup.get("DEMO_ROUTES", "demo.routes");
        String folder = lookup.get("CLICKHELP_FOLDER", "clickhelp.folder");
        String sizes = lookup.get("DEMO_SAMPLE_SIZES", "demo.sampleSizes");
        List<Long> sampleSizes = sizes == null ? DEFAULT_SAMPLE_SIZES
                : java.util.Arrays.stream(sizes.split(",")).map(String::trim).map(Long::valueOf).toList();
        return new DemoSettings(Path.of(work != null ? work : "target/demo"), clickHelp, contentIsland,
                sampleSizes, routes != null ? routes : "java", folder != null ? folder : "camel-upload-demo", 3);
    }

    /** How long the demo waits for all uploads (system property demo.timeoutSeconds, default 15 minutes). */
    public static Duration uploadTimeout() {
        return Duration.ofSeconds(Long.getLong("demo.timeoutSeconds", 900));
    }

    public Path inbox() {
        return workDir.resolve("inbox");
    }

    private record Lookup(Properties file) {
        String get(String env, String property) {
            String value = System.getenv(env);
            if (value == null || value.isBlank()) {
                value = System.getProperty(property);
            }
            if (value == null || value.isBlank()) {
                value = file.getProperty(property);
            }
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
