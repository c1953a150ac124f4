package io.github.camelupload.support.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;

/**
 * Keeps a delivery attempt from reading a one-shot InputStream body that an earlier attempt of the same exchange
 * already consumed. Camel's redelivery hands the component the very stream object the failed attempt read and closed
 * (without stream caching nothing can rewind it); reading it fails with whatever the stream throws when closed (a
 * bare {@link ClosedChannelException}) or, worse, reads as empty. Remembering the stream in an exchange property
 * (which survives redelivery) tells the second attempt before it sends anything.
 */
final class OneShotStreams {

    /** The one-shot stream an attempt of this exchange took as its body. */
    static final String CLAIMED_PROPERTY = "CamelUploadClaimedStream";

    private OneShotStreams() {
    }

    /**
     * Records {@code stream} as taken by this attempt.
     *
     * @throws ConsumedStreamException when an earlier attempt of this exchange already took this very stream
     */
    static void claim(Exchange exchange, InputStream stream) throws ConsumedStreamException {
        if (stream instanceof StreamCache) {
            return; // rewindable: every attempt may read it from the start
        }
        if (exchange.getProperty(CLAIMED_PROPERTY) == stream) {
            throw new ConsumedStreamException("The message body is a one-shot InputStream ("
                                              + stream.getClass().getSimpleName() + ") that an earlier delivery attempt of "
                                              + "this exchange" + (exchange.getMessage().getHeader(Exchange.REDELIVERED, false, Boolean.class) ? " (this is a redelivery)" : "")
                                              + " already read and closed, so nothing was sent.",
                    null);
        }
        exchange.setProperty(CLAIMED_PROPERTY, stream);
    }

    /**
     * The clear failure for a stream that fails its very first read or skip because it is closed, or null when
     * {@code failure} does not say so (then it stands as it is).
     */
    static ConsumedStreamException closedAtFirstAccess(String description, IOException failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
        if (!(failure instanceof ClosedChannelException) && !message.contains("closed")) {
            return null;
        }
        return new ConsumedStreamException("The message body (" + description + ") is already closed: its first read "
                                           + "failed with " + failure + ". An earlier delivery attempt may have read "
                                           + "and closed it.",
                failure);
    }
}
