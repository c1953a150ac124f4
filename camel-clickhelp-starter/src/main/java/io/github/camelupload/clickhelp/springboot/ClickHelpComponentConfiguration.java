package io.github.camelupload.clickhelp.springboot;

import io.github.camelupload.clickhelp.ClickHelpConfiguration;
import io.github.camelupload.springboot.UploadComponentConfigurationProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every option of the clickhelp component, as {@code camel.component.clickhelp.*} properties. They are the defaults of
 * every clickhelp endpoint; an option in an endpoint URI overrides them. The options every upload component has are
 * inherited; this class adds the clickhelp ones. As there, no field has an initial value, and the descriptions and
 * defaults IDEs show come from the component JSON ({@code StarterMetadataGenerator}).
 */
@ConfigurationProperties(prefix = "camel.component.clickhelp")
public class ClickHelpComponentConfiguration extends UploadComponentConfigurationProperties {

    private String portalUrl;
    private String username;
    private String apiKey;
    private Integer chunkSize;
    private Long maxFileSize;
    private Boolean overwrite;
    private ClickHelpConfiguration configuration;

    public String getPortalUrl() {
        return portalUrl;
    }

    public void setPortalUrl(String portalUrl) {
        this.portalUrl = portalUrl;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public Integer getChunkSize() {
        return chunkSize;
    }

    public void setChunkSize(Integer chunkSize) {
        this.chunkSize = chunkSize;
    }

    public Long getMaxFileSize() {
        return maxFileSize;
    }

    public void setMaxFileSize(Long maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    public Boolean getOverwrite() {
        return overwrite;
    }

    public void setOverwrite(Boolean overwrite) {
        this.overwrite = overwrite;
    }

    public ClickHelpConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ClickHelpConfiguration configuration) {
        this.configuration = configuration;
    }
}
