package io.github.camelupload.support.source;

import java.io.IOException;

/**
 * A one-shot InputStream body cannot be read (again): an earlier delivery attempt of the exchange already read and
 * closed it, or it was closed before the upload began. Says what to do instead; retrying with the same stream cannot
 * help.
 */
public class ConsumedStreamException extends IOException {

    static final String REMEDIES = "A one-shot stream can be read only once: enable stream caching on the route (with "
                                   + "spooling to disk for large bodies), send a File, Path or byte[] body, or give each "
                                   + "redelivery a fresh stream (onRedelivery); the upload then resumes where it stopped.";

    ConsumedStreamException(String message, Throwable cause) {
        super(message + " " + REMEDIES, cause);
    }
}
