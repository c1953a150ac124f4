package io.github.camelupload.clickhelp;

import java.nio.file.Path;

import io.github.camelupload.support.testing.ComponentJsonCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The clickhelp.json packaged for Camel tooling matches the configuration classes and the header constants. */
class ClickHelpComponentJsonTest {

    @Test
    void componentJsonMatchesTheConfigurationClassesAndHeaderConstants() throws Exception {
        // target/classes is what the jar packages
        Path json = Path.of("target/classes/META-INF/io/github/camelupload/clickhelp/clickhelp.json");

        assertThat(ComponentJsonCheck.drifts(json, ClickHelpEndpoint.class, ClickHelpConstants.class)).isEmpty();
    }
}
