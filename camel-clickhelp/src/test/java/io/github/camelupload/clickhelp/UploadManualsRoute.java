package io.github.camelupload.clickhelp;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;

/** The Java DSL example of the component documentation, run by a test. */
public class UploadManualsRoute extends RouteBuilder {

    private final long redeliveryDelay;

    public UploadManualsRoute() {
        this(2000);
    }

    public UploadManualsRoute(long redeliveryDelay) {
        this.redeliveryDelay = redeliveryDelay;
    }

    @Override
    public void configure() {
        // a refused upload (401, 403, 404, 409...) will not succeed by trying again: no redelivery, the file
        // consumer moves the file to .failed
        onException(HttpOperationFailedException.class)
                .onWhen(simple("${exception.statusCode} < 500"))
                .maximumRedeliveries(0);

        // an interrupted upload is redelivered; it resumes where the server stopped (no new POST)
        errorHandler(defaultErrorHandler().maximumRedeliveries(3).redeliveryDelay(redeliveryDelay).useExponentialBackOff());

        from("file:{{outbox}}?move=.done&moveFailed=.failed")
                .setHeader(ClickHelpConstants.FILE_PATH, simple("manuals/${header.CamelFileName}"))
                .to("clickhelp:storage?portalUrl={{clickhelp.portal}}&username={{clickhelp.username}}"
                    + "&apiKey=RAW({{clickhelp.apiKey}})&overwrite=true&uploadStateRepository=#uploadState")
                .log("Stored ${header.CamelClickHelpFileFullName} (${header.CamelClickHelpUploadLength} bytes)");
    }
}
