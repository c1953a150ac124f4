package io.github.camelupload.benchmarks;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.camelupload.clickhelp.ClickHelpConstants;
import io.github.camelupload.contentisland.ContentIslandConstants;
import io.github.camelupload.emulators.ClickHelpEmulator;
import io.github.camelupload.emulators.ContentIslandEmulator;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Uploads through a component, as a route would: one started endpoint (so one pooled HTTP client) for all uploads,
 * a {@code java.io.File} body (what the file consumer delivers) or an {@code InputStream} of unknown length.
 */
final class CamelComponentUploader implements Uploader {

    private final ClientSpec spec;
    private final CamelContext context = new DefaultCamelContext();
    private final ProducerTemplate template;
    private final Endpoint endpoint;

    CamelComponentUploader(ClientSpec spec) throws Exception {
        this.spec = spec;
        context.start();
        template = context.createProducerTemplate();
        endpoint = context.getEndpoint(spec.service().equals("clickhelp")
                ? "clickhelp:storage/bench?portalUrl=" + spec.baseUrl() + "&username=" + ClickHelpEmulator.DEFAULT_USERNAME
                  + "&apiKey=RAW(" + ClickHelpEmulator.DEFAULT_API_KEY + ")&overwrite=true&chunkSize=" + spec.chunkSize()
                : "contentisland:upload?baseUrl=" + spec.baseUrl() + "&token=RAW("
                  + ContentIslandEmulator.DEFAULT_WRITE_TOKEN + ")&uploadMode=" + spec.mode() + "&chunkSize="
                  + spec.chunkSize());
    }

    @Override
    public void upload(Path file, String name) throws Exception {
        Map<String, Object> headers = spec.service().equals("clickhelp")
                ? Map.of(ClickHelpConstants.FILE_PATH, "bench/" + name)
                : Map.of(ContentIslandConstants.FILE_NAME, name);
        if (spec.body().equals("stream")) {
            // no Content-Length header: a stream of unknown length, read once
            try (InputStream in = Files.newInputStream(file)) {
                template.requestBodyAndHeaders(endpoint, in, headers);
            }
        } else {
            template.requestBodyAndHeaders(endpoint, file.toFile(), headers);
        }
    }

    @Override
    public void close() throws Exception {
        template.close();
        context.close();
    }
}
