package io.github.camelupload.examples;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before each redelivery of a failed upload. The component kept its resume point on the exchange, so the
 * redelivery continues from the last confirmed byte; the progress board shows where.
 */
public final class ResumeLogger implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ResumeLogger.class);

    @Override
    public void process(Exchange exchange) {
        LOG.info("Redelivering {} (attempt {}): the upload resumes where it stopped, not from the start",
                exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY),
                exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER));
    }
}
