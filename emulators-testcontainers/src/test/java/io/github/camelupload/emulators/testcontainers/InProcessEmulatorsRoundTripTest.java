package io.github.camelupload.emulators.testcontainers;

import io.github.camelupload.emulators.ClickHelpEmulatorExtension;
import io.github.camelupload.emulators.ContentIslandEmulatorExtension;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The round trip against the in-process emulators: always runs, so the container test's logic is always exercised. */
class InProcessEmulatorsRoundTripTest extends EmulatorRoundTrip {

    // the credentials the containers' EmulatorsMain uses (the emulators' defaults)
    @RegisterExtension
    static ClickHelpEmulatorExtension clickhelp = new ClickHelpEmulatorExtension();
    @RegisterExtension
    static ContentIslandEmulatorExtension contentisland = new ContentIslandEmulatorExtension();

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
        return contentisland.baseUrl().replace("/api/1.0", "") + "/files/" + name;
    }
}
