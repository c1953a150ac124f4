package io.github.camelupload.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo end to end, as the README's first command runs it but with smaller files: both routes (Java and YAML DSL)
 * upload every inbox file to the embedded emulators through the announced faults, and every file reads back
 * byte-identical.
 */
class UploadDemoTest {

    @TempDir
    Path work;

    @org.junit.jupiter.api.BeforeAll
    static void boundTheWait() {
        System.setProperty("demo.timeoutSeconds", "180"); // a stuck upload fails the test instead of hanging it
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml" })
    void everyUploadVerifiesDespiteTheFaults(String routes) throws Exception {
        DemoSettings settings = new DemoSettings(work, null, null,
                List.of(10L * 1024, 3L * 1024 * 1024, 40L * 1024 * 1024), routes, "demo", 3);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        boolean verified;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            verified = new UploadDemo(settings, out, false).run();
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        System.out.println(output);

        assertThat(verified).as(output).isTrue();
        assertThat(output).contains("All 6 uploads verified");
        assertThat(output.lines().filter(line -> line.startsWith("ClickHelp ") || line.startsWith("ContentIsland "))
                .filter(line -> line.trim().endsWith("yes"))).hasSize(6);
        assertThat(output).as("a redelivery resumed an upload").containsPattern("\\s+\\d+\\s+yes\\s+yes");
        assertThat(output).as("no credential printed").doesNotContain("test-api-key").doesNotContain("test-write-token");
    }
}
