package io.github.camelupload.contentisland;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code contentisland} component. Options set on the component are defaults for every endpoint; each endpoint
 * gets its own copy.
 */
@Component("contentisland")
public class ContentIslandComponent extends DefaultComponent {

    @Metadata(label = "advanced", description = "Component configuration: the defaults of every endpoint's options")
    private ContentIslandConfiguration configuration = new ContentIslandConfiguration();

    public ContentIslandComponent() {
    }

    public ContentIslandComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("The operation is required: contentisland:upload");
        }
        ContentIslandOperation operation;
        try {
            operation = ContentIslandOperation.valueOf(remaining.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown operation '" + remaining + "': the contentisland component supports upload");
        }
        ContentIslandConfiguration config = configuration.copy();
        ContentIslandEndpoint endpoint = new ContentIslandEndpoint(uri, this, config);
        endpoint.setOperation(operation);
        setProperties(endpoint, parameters);
        config.validate(); // a bad option fails here, when the endpoint is created
        return endpoint;
    }

    public ContentIslandConfiguration getConfiguration() {
        return configuration;
    }

    /** The defaults of every endpoint's options. */
    public void setConfiguration(ContentIslandConfiguration configuration) {
        this.configuration = configuration;
    }
}
