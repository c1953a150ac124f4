package io.github.camelupload.contentisland;

import java.util.Map;

import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * An error answer of ContentIsland. It is an {@link HttpOperationFailedException} (status code, response body and
 * headers, as camel-http reports them), whose message also says what the status means for this service: the message
 * of the base class only names the URI and the status code.
 */
public class ContentIslandHttpException extends HttpOperationFailedException {

    private static final long serialVersionUID = 1L;

    public ContentIslandHttpException(String uri, int statusCode, String statusText, String location,
                                      Map<String, String> responseHeaders, String responseBody) {
        super(uri, statusCode, statusText, location, responseHeaders, responseBody);
    }

    @Override
    public String getMessage() {
        return getStatusText() + " (" + super.getMessage() + ")";
    }
}
