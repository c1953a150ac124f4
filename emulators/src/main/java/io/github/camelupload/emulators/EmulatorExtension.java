package io.github.camelupload.emulators;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs one emulator for a test class: started once on a temporary folder before all tests, reset (journal,
 * faults, uploads, stored files, configuration) before each test, stopped and deleted after all. Register it on a
 * static field with {@code @RegisterExtension}; tests reach the emulator through {@link #emulator()} or a method
 * parameter of the emulator's type.
 *
 * @param <E> the emulator type
 */
public abstract class EmulatorExtension<E extends AbstractEmulator>
        implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {

    private final Class<E> type;
    private final Function<Path, E> factory;
    private final Consumer<? super E> configuration;
    private E emulator;
    private Path storageDir;
    private String startedBy;

    /**
     * @param type          the emulator class, for parameter injection
     * @param factory       creates the emulator on a storage folder
     * @param configuration applied after start and after every reset (e.g. credentials, limits)
     */
    protected EmulatorExtension(Class<E> type, Function<Path, E> factory, Consumer<? super E> configuration) {
        this.type = Objects.requireNonNull(type);
        this.factory = Objects.requireNonNull(factory);
        this.configuration = Objects.requireNonNull(configuration);
    }

    /** The running emulator; fails before the extension started it. */
    public E emulator() {
        if (emulator == null) {
            throw new IllegalStateException("the emulator is not running: register the extension on a static field"
                    + " with @RegisterExtension");
        }
        return emulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (emulator != null) {
            return; // a @Nested class: the outer class's emulator goes on
        }
        storageDir = Files.createTempDirectory(type.getSimpleName().toLowerCase() + "-");
        E created = factory.apply(storageDir.resolve("storage"));
        configuration.accept(created);
        created.start();
        emulator = created;
        startedBy = context.getUniqueId();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        E running = emulator(); // fails clearly when registered on an instance field (no beforeAll, no afterAll)
        running.reset();
        resetConfiguration(running);
        configuration.accept(running);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (emulator == null || !context.getUniqueId().equals(startedBy)) {
            return;
        }
        try {
            emulator.stop();
        } finally {
            emulator = null;
            FileTrees.deleteTree(storageDir);
        }
    }

    /** Puts the emulator's configuration back to its defaults. */
    abstract void resetConfiguration(E emulator);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == type;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return emulator();
    }

    /** The journal of the running emulator. */
    public RequestJournal journal() {
        return emulator().journal();
    }

    /** The fault plan of the running emulator. */
    public FaultPlan faults() {
        return emulator().faults();
    }
}
