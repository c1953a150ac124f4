package io.github.camelupload.emulators.testcontainers;

import java.util.concurrent.Future;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The ClickHelp Storage emulator in a container, for tests of routes that use {@code clickhelp:}:
 * <pre>
 * &#64;Container
 * static ClickHelpEmulatorContainer clickhelp = new ClickHelpEmulatorContainer();
 * ... "clickhelp:storage/docs/a.pdf?portalUrl=" + clickhelp.portalUrl() + "&amp;username=tester&amp;apiKey=test-api-key"
 * </pre>
 */
public class ClickHelpEmulatorContainer extends GenericContainer<ClickHelpEmulatorContainer> {

    public static final String USERNAME = "tester";
    public static final String API_KEY = "test-api-key";

    public ClickHelpEmulatorContainer() {
        this(EmulatorImage.DEFAULT);
    }

    public ClickHelpEmulatorContainer(DockerImageName image) {
        super(image);
        init();
    }

    /** For an image built on the fly, e.g. {@code new ImageFromDockerfile()} of this module's Dockerfile. */
    public ClickHelpEmulatorContainer(Future<String> image) {
        super(image);
        init();
    }

    private void init() {
        withExposedPorts(EmulatorImage.CLICKHELP_PORT);
        waitingFor(Wait.forLogMessage(EmulatorImage.READY_LOG, 1));
    }

    /** {@code http://host:mappedPort}: the component's portalUrl (the API is under /api/v1/). */
    public String portalUrl() {
        return "http://" + getHost() + ":" + getMappedPort(EmulatorImage.CLICKHELP_PORT);
    }

    public String username() {
        return USERNAME;
    }

    public String apiKey() {
        return API_KEY;
    }
}
