package io.github.camelupload.emulators.testcontainers;

import java.util.concurrent.Future;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The ContentIsland emulator in a container, for tests of routes that use {@code contentisland:}:
 * {@code "contentisland:upload?baseUrl=" + container.baseUrl() + "&token=test-write-token"}. The {@code url} of an
 * uploaded resource names the port inside the container; read it back with {@link #resourceUrl(String)}.
 */
public class ContentIslandEmulatorContainer extends GenericContainer<ContentIslandEmulatorContainer> {

    public static final String WRITE_TOKEN = "test-write-token";
    public static final String READ_ONLY_TOKEN = "test-read-token";

    public ContentIslandEmulatorContainer() {
        this(EmulatorImage.DEFAULT);
    }

    public ContentIslandEmulatorContainer(DockerImageName image) {
        super(image);
        init();
    }

    /** For an image built on the fly, e.g. {@code new ImageFromDockerfile()} of this module's Dockerfile. */
    public ContentIslandEmulatorContainer(Future<String> image) {
        super(image);
        init();
    }

    private void init() {
        withExposedPorts(EmulatorImage.CONTENTISLAND_PORT);
        waitingFor(Wait.forLogMessage(EmulatorImage.READY_LOG, 1));
    }

    /** {@code http://host:mappedPort/api/1.0}: the component's baseUrl. */
    public String baseUrl() {
        return origin() + "/api/1.0";
    }

    /** Where the stored resource {@code name} can be downloaded from the test's side. */
    public String resourceUrl(String name) {
        return origin() + "/files/" + name;
    }

    public String writeToken() {
        return WRITE_TOKEN;
    }

    private String origin() {
        return "http://" + getHost() + ":" + getMappedPort(EmulatorImage.CONTENTISLAND_PORT);
    }
}
