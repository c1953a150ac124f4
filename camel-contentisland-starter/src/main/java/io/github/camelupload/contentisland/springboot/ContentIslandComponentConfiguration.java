package io.github.camelupload.contentisland.springboot;

import io.github.camelupload.contentisland.ContentIslandConfiguration;
import io.github.camelupload.contentisland.ContentIslandUploadMode;
import io.github.camelupload.springboot.UploadComponentConfigurationProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every option of the contentisland component, as {@code camel.component.contentisland.*} properties. They are the
 * defaults of every contentisland endpoint; an option in an endpoint URI overrides them. The options every upload
 * component has are inherited; this class adds the contentisland ones. As there, no field has an initial value, and
 * the descriptions and defaults IDEs show come from the component JSON ({@code StarterMetadataGenerator}).
 */
@ConfigurationProperties(prefix = "camel.component.contentisland")
public class ContentIslandComponentConfiguration extends UploadComponentConfigurationProperties {

    private String baseUrl;
    private String token;
    private ContentIslandUploadMode uploadMode;
    private Long chunkSize;
    private Long simpleUploadLimit;
    private String fileName;
    private ContentIslandConfiguration configuration;

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public ContentIslandUploadMode getUploadMode() {
        return uploadMode;
    }

    public void setUploadMode(ContentIslandUploadMode uploadMode) {
        this.uploadMode = uploadMode;
    }

    public Long getChunkSize() {
        return chunkSize;
    }

    public void setChunkSize(Long chunkSize) {
        this.chunkSize = chunkSize;
    }

    public Long getSimpleUploadLimit() {
        return simpleUploadLimit;
    }

    public void setSimpleUploadLimit(Long simpleUploadLimit) {
        this.simpleUploadLimit = simpleUploadLimit;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public ContentIslandConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ContentIslandConfiguration configuration) {
        this.configuration = configuration;
    }
}
