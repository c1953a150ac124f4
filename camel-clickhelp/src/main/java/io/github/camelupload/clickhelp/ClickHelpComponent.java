package io.github.camelupload.clickhelp;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * Uploads message bodies to ClickHelp Storage: {@code clickhelp:storage/<file-path>?options}. Options set on the
 * component are the defaults of every endpoint it creates.
 */
@Component("clickhelp")
public class ClickHelpComponent extends DefaultComponent {

    /** The component-level defaults of every endpoint's options. */
    @Metadata
    private ClickHelpConfiguration configuration = new ClickHelpConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ClickHelpConfiguration config = configuration != null ? configuration.copy() : new ClickHelpConfiguration();
        String rest = remaining == null ? "" : remaining;
        int slash = rest.indexOf('/');
        String apiName = slash < 0 ? rest : rest.substring(0, slash);
        String filePath = slash < 0 ? "" : rest.substring(slash + 1);
        if (!"storage".equals(apiName)) {
            throw new IllegalArgumentException("Unsupported ClickHelp API '" + apiName
                                               + "': the only one is storage, as in clickhelp:storage/docs/logo.png");
        }
        config.setApiName(apiName);
        config.setFilePath(filePath.isEmpty() ? null : ClickHelpPaths.validate(filePath, "the endpoint URI"));
        ClickHelpEndpoint endpoint = new ClickHelpEndpoint(uri, this, config);
        setProperties(endpoint, parameters);
        config.validate();
        return endpoint;
    }

    public ClickHelpConfiguration getConfiguration() {
        return configuration;
    }

    /** The component-level defaults of every endpoint's options. */
    public void setConfiguration(ClickHelpConfiguration configuration) {
        this.configuration = configuration;
    }
}
