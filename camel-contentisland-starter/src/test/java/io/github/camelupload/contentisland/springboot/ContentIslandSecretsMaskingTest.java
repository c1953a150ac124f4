package io.github.camelupload.contentisland.springboot;

import java.util.List;

import io.github.camelupload.springboot.SecretsMaskingTestSupport;

/** The actuator never shows the ContentIsland credentials, and the starter works without the actuator. */
class ContentIslandSecretsMaskingTest extends SecretsMaskingTestSupport {

    ContentIslandSecretsMaskingTest() {
        super("contentisland", List.of("token"), "base-url", "https://api.contentisland.net/api/1.0",
                ContentIslandComponentConverter.class, ContentIslandComponentAutoConfiguration.class,
                ContentIslandSecretsSanitizingAutoConfiguration.class);
    }
}
