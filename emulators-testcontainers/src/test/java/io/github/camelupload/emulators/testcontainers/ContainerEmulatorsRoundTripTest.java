package io.github.camelupload.emulators.testcontainers;

import java.nio.file.Path;

import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same round trip against the image built from this module's Dockerfile (after {@code mvn package}, which puts
 * the emulators' classpath under target/container/lib). Skipped where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerEmulatorsRoundTripTest extends EmulatorRoundTrip {

    private static final ImageFromDockerfile IMAGE = new ImageFromDockerfile("camel-upload-emulators-test", false)
            .withFileFromPath(".", Path.of("."));

    @Container
    static ClickHelpEmulatorContainer clickhelp = new ClickHelpEmulatorContainer(IMAGE);
    @Container
    static ContentIslandEmulatorContainer contentisland = new ContentIslandEmulatorContainer(IMAGE);

    @Override
    String clickHelpPortalUrl() {
        return clickhelp.portalUrl();
    }

    @Override
    String contentIslandBaseUrl() {
        return contentisland.baseUrl();
    }

    @Override
    String contentIslandResourceUrl(String name) {
        return contentisland.resourceUrl(name);
    }
}
