package io.github.camelupload.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * The routes a user would write: an inbox folder per service, each file uploaded as it arrives. A failed upload is
 * redelivered; the component left its resume point in the exchange headers, so a redelivery continues from the
 * last confirmed byte instead of starting over. {@code routes/upload-routes.yaml} holds the same routes in YAML.
 */
public class UploadRoutes extends RouteBuilder {

    @Override
    public void configure() {
        onException(Exception.class)
                .maximumRedeliveries("{{demo.redeliveries}}")
                .redeliveryDelay(500)
                .onRedeliveryRef("resumeLogger")
                .handled(true)
                .to("bean:uploadLedger?method=failed");

        from("file:{{demo.inbox}}/clickhelp?noop=true&sortBy=file:length&initialDelay=0&delay=500")
                .routeId("inbox-to-clickhelp")
                .setHeader("CamelClickHelpFilePath", simple("{{clickhelp.folder}}/${file:name}"))
                .to("clickhelp:storage?portalUrl={{clickhelp.portalUrl}}&username={{clickhelp.username}}"
                    + "&apiKey=RAW({{clickhelp.apiKey}})&overwrite=true&maxRetries={{demo.maxRetries}}&retryDelay=200"
                    + "&progressListener=#uploadProgress&uploadStateRepository=#uploadState")
                .to("bean:uploadLedger?method=uploaded");

        from("file:{{demo.inbox}}/contentisland?noop=true&sortBy=file:length&initialDelay=0&delay=500")
                .routeId("inbox-to-contentisland")
                .to("contentisland:upload?baseUrl={{contentisland.baseUrl}}&token=RAW({{contentisland.token}})"
                    + "&simpleUploadLimit={{contentisland.simpleUploadLimit}}&maxRetries={{demo.maxRetries}}&retryDelay=200"
                    + "&progressListener=#uploadProgress&uploadStateRepository=#uploadState")
                .to("bean:uploadLedger?method=uploaded");
    }
}
