package io.github.camelupload.emulators;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * JUnit 5 extension running a {@link ClickHelpEmulator} for a test class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static ClickHelpEmulatorExtension clickhelp = new ClickHelpEmulatorExtension();
 *
 * @Test
 * void uploads() {
 *     String portal = clickhelp.portalUrl();
 *     ...
 *     assertThat(clickhelp.emulator().fileInfo("docs/a.png")).isPresent();
 * }
 * }</pre>
 */
public final class ClickHelpEmulatorExtension extends EmulatorExtension<ClickHelpEmulator> {

    public ClickHelpEmulatorExtension() {
        this(emulator -> { });
    }

    /** @param configuration applied after start and after every reset, e.g. {@code e -> e.credentials(..)} */
    public ClickHelpEmulatorExtension(Consumer<? super ClickHelpEmulator> configuration) {
        super(ClickHelpEmulator.class, ClickHelpEmulator::new, configuration);
    }

    @Override
    void resetConfiguration(ClickHelpEmulator emulator) {
        emulator.resetConfiguration();
    }

    public String portalUrl() {
        return emulator().portalUrl();
    }

    public String username() {
        return emulator().username();
    }

    public String apiKey() {
        return emulator().apiKey();
    }

    public Path storedFile(String storagePath) {
        return emulator().storedFile(storagePath);
    }

    public Optional<StoredFileInfo> fileInfo(String storagePath) {
        return emulator().fileInfo(storagePath);
    }
}
