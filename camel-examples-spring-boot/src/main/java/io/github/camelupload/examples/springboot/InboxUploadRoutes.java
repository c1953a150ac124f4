package io.github.camelupload.examples.springboot;

import io.github.camelupload.clickhelp.ClickHelpConstants;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** One inbox folder per service; a file that failed stays in the inbox (moveFailed) and is retried by redelivery. */
@Component
public class InboxUploadRoutes extends RouteBuilder {

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().maximumRedeliveries(3).redeliveryDelay(1000));

        from("file:{{upload.inbox}}/clickhelp?move=.done&moveFailed=.failed&readLock=changed")
                .routeId("inbox-to-clickhelp")
                .setHeader(ClickHelpConstants.FILE_PATH, simple("{{upload.clickhelp-folder}}/${file:name}"))
                .to("clickhelp:storage")
                .log("Uploaded ${file:name} to ClickHelp as ${header.CamelClickHelpFileFullName}");

        from("file:{{upload.inbox}}/contentisland?move=.done&moveFailed=.failed&readLock=changed")
                .routeId("inbox-to-contentisland")
                .to("contentisland:upload")
                .log("Uploaded ${file:name} to ContentIsland as ${header.CamelContentIslandResourceUrl}");
    }
}
