package io.github.camelupload.contentisland;

import io.github.camelupload.support.UploadEndpointResources;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Upload files to ContentIsland: one multipart request, or resumable chunked requests for large files and unreliable
 * networks.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "contentisland", title = "ContentIsland", syntax = "contentisland:operation",
             producerOnly = true, category = { Category.CLOUD, Category.FILE }, headersClass = ContentIslandConstants.class)
public class ContentIslandEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    /** Connections per endpoint: uploads of concurrent exchanges share them. */
    private static final int MAX_CONNECTIONS = 20;

    @UriPath(description = "The operation to perform", enums = "upload")
    @Metadata(required = true)
    private ContentIslandOperation operation;
    @UriParam
    private ContentIslandConfiguration configuration;

    private String normalizedBaseUrl;
    private UploadEndpointResources resources;
    private ContentIslandUploader uploader;

    public ContentIslandEndpoint(String uri, ContentIslandComponent component, ContentIslandConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new ContentIslandProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The contentisland component only uploads: it has no consumer");
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (operation == null) {
            throw new IllegalArgumentException("The operation is required: contentisland:upload");
        }
        normalizedBaseUrl = configuration.validate();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        normalizedBaseUrl = configuration.validate();
        resources = UploadEndpointResources.open(configuration, getCamelContext(), MAX_CONNECTIONS);
        ContentIslandClient client = new ContentIslandClient(resources.httpClient(), normalizedBaseUrl,
                configuration.getToken());
        uploader = new ContentIslandUploader(client, configuration, resources.retrier());
    }

    @Override
    protected void doStop() throws Exception {
        uploader = null;
        if (resources != null) {
            try {
                resources.close();
            } finally {
                resources = null;
            }
        }
        super.doStop();
    }

    ContentIslandUploader getUploader() {
        ContentIslandUploader current = uploader;
        if (current == null) {
            throw new IllegalStateException("The endpoint " + this + " is not started");
        }
        return current;
    }

    /** The base URL as validated, without a trailing slash. */
    String getNormalizedBaseUrl() {
        return normalizedBaseUrl;
    }

    @Override
    public String getServiceUrl() {
        return normalizedBaseUrl != null ? normalizedBaseUrl : configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }

    public ContentIslandOperation getOperation() {
        return operation;
    }

    /** The operation to perform: upload. */
    public void setOperation(ContentIslandOperation operation) {
        this.operation = operation;
    }

    public ContentIslandConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ContentIslandConfiguration configuration) {
        this.configuration = configuration;
    }
}
