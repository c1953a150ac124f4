package io.github.camelupload.emulators;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * JUnit 5 extension running a {@link ContentIslandEmulator} for a test class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static ContentIslandEmulatorExtension contentisland = new ContentIslandEmulatorExtension();
 * }</pre>
 */
public final class ContentIslandEmulatorExtension extends EmulatorExtension<ContentIslandEmulator> {

    public ContentIslandEmulatorExtension() {
        this(emulator -> { });
    }

    /** @param configuration applied after start and after every reset, e.g. {@code e -> e.minPartSize(1024)} */
    public ContentIslandEmulatorExtension(Consumer<? super ContentIslandEmulator> configuration) {
        super(ContentIslandEmulator.class, ContentIslandEmulator::new, configuration);
    }

    @Override
    void resetConfiguration(ContentIslandEmulator emulator) {
        emulator.resetConfiguration();
    }

    public String baseUrl() {
        return emulator().baseUrl();
    }

    public String writeToken() {
        return emulator().writeToken();
    }

    public String readOnlyToken() {
        return emulator().readOnlyToken();
    }

    public Path storedResource(String name) {
        return emulator().storedResource(name);
    }

    public Optional<StoredFileInfo> resourceInfo(String name) {
        return emulator().resourceInfo(name);
    }
}
