package io.github.camelupload.clickhelp.springboot;

import java.util.List;

import io.github.camelupload.springboot.SecretsMaskingTestSupport;

/** The actuator never shows the ClickHelp credentials, and the starter works without the actuator. */
class ClickHelpSecretsMaskingTest extends SecretsMaskingTestSupport {

    ClickHelpSecretsMaskingTest() {
        super("clickhelp", List.of("apiKey", "username"), "portal-url", "https://acme.clickhelp.co",
                ClickHelpComponentConverter.class, ClickHelpComponentAutoConfiguration.class,
                ClickHelpSecretsSanitizingAutoConfiguration.class);
    }
}
