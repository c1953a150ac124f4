package io.github.camelupload.support.http;

import java.net.SocketTimeoutException;

/**
 * The server stopped taking the request body: no byte moved for the response timeout, so the request was aborted.
 * A {@link SocketTimeoutException}, so it is retried like a read timeout and caught where those are.
 */
public class RequestBodyStalledException extends SocketTimeoutException {

    public RequestBodyStalledException(String message) {
        super(message);
    }
}
