package io.github.camelupload.examples;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before each redelivery of a failed upload and says where it will resume: the component left its resume
 * point in the exchange headers.
 */
public final class ResumeLogger implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ResumeLogger.class);

    @Override
    public void process(Exchange exchange) {
        Object offset = exchange.getMessage().getHeader("CamelClickHelpUploadOffset");
        Object chunk = exchange.getMessage().getHeader("CamelContentIslandChunkIndex");
        String where = offset != null ? "byte " + offset : chunk != null ? "chunk " + chunk : "the start";
        LOG.info("Redelivering {} (attempt {}): resuming at {} instead of starting over",
                exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY),
                exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER), where);
    }
}
