package io.github.camelupload.emulators.testcontainers;

import org.testcontainers.utility.DockerImageName;

/** The image built from this module's Dockerfile; both services run in it. */
public final class EmulatorImage {

    /** {@code docker build -t camel-upload-emulators:0.1.0-SNAPSHOT emulators-testcontainers}. */
    public static final DockerImageName DEFAULT = DockerImageName.parse("camel-upload-emulators:0.1.0-SNAPSHOT");
    public static final int CLICKHELP_PORT = 8081;
    public static final int CONTENTISLAND_PORT = 8082;
    /** The line EmulatorsMain prints once both emulators listen. */
    static final String READY_LOG = ".*EMULATORS-READY.*";

    private EmulatorImage() {
    }
}
