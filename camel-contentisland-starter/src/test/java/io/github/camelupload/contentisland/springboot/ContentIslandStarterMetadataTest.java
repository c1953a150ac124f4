package io.github.camelupload.contentisland.springboot;

import io.github.camelupload.springboot.StarterMetadataTestSupport;

/**
 * The starter's IDE metadata describes exactly the contentisland component's options, as the component JSON does: a
 * new or changed component option fails here until the starter follows.
 */
class ContentIslandStarterMetadataTest extends StarterMetadataTestSupport {

    ContentIslandStarterMetadataTest() {
        super("contentisland", "/META-INF/io/github/camelupload/contentisland/contentisland.json",
                ContentIslandSecretsSanitizingAutoConfiguration.SECRET_OPTIONS);
    }
}
