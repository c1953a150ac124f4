package io.github.camelupload.clickhelp.springboot;

import io.github.camelupload.springboot.StarterMetadataTestSupport;

/**
 * The starter's IDE metadata describes exactly the clickhelp component's options, as the component JSON does: a new or
 * changed component option fails here until the starter follows.
 */
class ClickHelpStarterMetadataTest extends StarterMetadataTestSupport {

    ClickHelpStarterMetadataTest() {
        super("clickhelp", "/META-INF/io/github/camelupload/clickhelp/clickhelp.json",
                ClickHelpSecretsSanitizingAutoConfiguration.SECRET_OPTIONS);
    }
}
