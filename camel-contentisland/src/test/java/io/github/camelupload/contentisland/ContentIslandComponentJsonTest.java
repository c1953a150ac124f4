package io.github.camelupload.contentisland;

import java.nio.file.Path;

import io.github.camelupload.support.testing.ComponentJsonCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contentisland.json packaged for Camel tooling matches the configuration classes and the header constants. */
class ContentIslandComponentJsonTest {

    @Test
    void componentJsonMatchesTheConfigurationClassesAndHeaderConstants() throws Exception {
        // target/classes is what the jar packages
        Path json = Path.of("target/classes/META-INF/io/github/camelupload/contentisland/contentisland.json");

        assertThat(ComponentJsonCheck.drifts(json, ContentIslandEndpoint.class, ContentIslandConstants.class)).isEmpty();
    }
}
