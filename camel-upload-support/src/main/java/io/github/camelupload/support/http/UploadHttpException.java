package io.github.camelupload.support.http;

import java.util.Map;

import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Camel's {@link HttpOperationFailedException}, with a message that says what went wrong in the service's words:
 * the base class's message names only the URI and the status code, which leaves a user guessing.
 */
public class UploadHttpException extends HttpOperationFailedException {

    public UploadHttpException(String uri, int statusCode, String statusText, String location,
                               Map<String, String> responseHeaders, String responseBody) {
        super(uri, statusCode, statusText, location, responseHeaders, responseBody);
    }

    @Override
    public String getMessage() {
        return getStatusText() + " (" + super.getMessage() + ")";
    }
}
