package io.github.camelupload.clickhelp;

import java.util.Locale;

import io.github.camelupload.support.UploadEndpointResources;
import io.github.camelupload.support.retry.Retrier;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Uploads the message body to ClickHelp Storage with the resumable upload protocol: one POST, then the body in chunks
 * of at most 10 MiB, each confirmed by the server, retried and resumed where the server says.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "clickhelp", title = "ClickHelp", syntax = "clickhelp:apiName/filePath",
             producerOnly = true, category = { Category.FILE, Category.CLOUD }, headersClass = ClickHelpConstants.class)
public class ClickHelpEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    /** Concurrent uploads an endpoint runs at once over pooled connections; more wait for a connection. */
    static final int MAX_CONNECTIONS = 20;

    @UriParam
    private ClickHelpConfiguration configuration;

    private UploadEndpointResources resources;
    private ClickHelpClient client;
    private String apiBaseUrl;

    public ClickHelpEndpoint(String uri, ClickHelpComponent component, ClickHelpConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() throws Exception {
        return new ClickHelpProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        throw new UnsupportedOperationException("The clickhelp component only uploads (producer only)");
    }

    @Override
    public boolean isLenientProperties() {
        return false;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        configuration.validate();
        apiBaseUrl = configuration.apiBaseUrl();
        resources = UploadEndpointResources.open(configuration, getCamelContext(), MAX_CONNECTIONS);
        client = new ClickHelpClient(resources.httpClient(), apiBaseUrl, configuration.getUsername(),
                configuration.getApiKey());
    }

    @Override
    protected void doStop() throws Exception {
        try {
            if (resources != null) {
                resources.close();
            }
        } finally {
            resources = null;
            client = null;
            super.doStop();
        }
    }

    /**
     * What an upload of {@code path} goes to, for logs, the CamelClickHelpUploadTarget header and the resume-state
     * key: the API URL of the file, decoded. Holds no credential.
     */
    String targetOf(String path) {
        return (apiBaseUrl != null ? apiBaseUrl : configuration.apiBaseUrl()) + "storage/" + path;
    }

    ClickHelpClient client() {
        if (client == null) {
            throw new IllegalStateException("The endpoint " + this + " is not started");
        }
        return client;
    }

    Retrier retrier() {
        return resources.retrier();
    }

    public ClickHelpConfiguration getConfiguration() {
        return configuration;
    }

    /** The options of this endpoint. */
    public void setConfiguration(ClickHelpConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getPortalUrl() == null ? null : configuration.normalizedPortalUrl();
    }

    @Override
    public String getServiceProtocol() {
        String url = getServiceUrl();
        return url == null ? null : url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT);
    }
}
