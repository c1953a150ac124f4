package io.github.camelupload.clickhelp;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.camelupload.emulators.Fault;
import io.github.camelupload.support.source.ConsumedStreamException;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A redelivery of an exchange whose one-shot InputStream body the failed attempt already read and closed stops before
 * sending anything, with a message that says so and names the remedies (not a bare ClosedChannelException).
 */
class ClickHelpConsumedStreamTest extends ClickHelpTestSupport {

    @Override
    void configureContext(CamelContext context) {
        context.setStreamCaching(false); // as a route without stream caching hands a stream body over: one-shot
    }

    @Test
    void aRedeliveryOfAConsumedOneShotStreamFailsClearlyWithoutSendingAnything() throws Exception {
        Path file = seededFile("one-shot.bin", 4500, 3);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(1).redeliveryDelay(0));
                from("direct:upload").to(uri("consumed/one-shot.bin", "&chunkSize=1000&maxRetries=0"));
            }
        });
        emulator().faults().onNth("PUT", 3, Fault.dropConnectionAfter(400)); // the first attempt fails at byte 2400
        InputStream oneShot = Files.newInputStream(file);

        Exchange result = send("direct:upload", oneShot, Map.of(Exchange.FILE_LENGTH, 4500L));

        assertThat(result.getException()).isInstanceOf(ConsumedStreamException.class)
                .hasMessageContaining("one-shot InputStream")
                .hasMessageContaining("earlier delivery attempt of this exchange (this is a redelivery)")
                .hasMessageContaining("stream caching")
                .hasMessageContaining("File, Path or byte[]");
        assertThat(emulator().journal().requests()).hasSize(4); // POST and 3 PUTs: the redelivery sent nothing
    }
}
