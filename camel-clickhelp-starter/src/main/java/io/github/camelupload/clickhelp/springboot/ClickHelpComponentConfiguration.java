package io.github.camelupload.clickhelp.springboot;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every option of the clickhelp component, as {@code camel.component.clickhelp.*} properties. They are the defaults of
 * every clickhelp endpoint; an option in an endpoint URI overrides them.
 *
 * <p>Unlike Apache Camel's generated starters, no field has an initial value: an option that is not set is not copied,
 * so the component's own defaults stay the only ones, and a {@code configuration} bean is not overwritten by defaults.
 * The defaults shown by IDEs come from {@code META-INF/additional-spring-configuration-metadata.json};
 * {@code StarterMetadataTest} checks them against the component JSON.
 */
@ConfigurationProperties(prefix = "camel.component.clickhelp")
public class ClickHelpComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * The portal's base URL, for example https://acme.clickhelp.co; https:// is assumed when no scheme is given. The API is called under {portalUrl}/api/v1/.
     */
    private String portalUrl;

    /**
     * Bytes sent per PUT request, 1 to 10485760 (the API's limit of 10 MB per chunk).
     */
    private Integer chunkSize;

    /**
     * The component-level defaults of every endpoint's options.
     */
    private io.github.camelupload.clickhelp.ClickHelpConfiguration configuration;

    /**
     * Connect timeout in milliseconds.
     */
    private Long connectTimeout;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled during routing messages via Camel's routing error handlers. Beware that when the first message is processed then creating and starting the producer may take a little time and prolong the total processing time of the processing.
     */
    private Boolean lazyStartProducer;

    /**
     * Bodies larger than this many bytes are refused before any request is sent (the resumable upload accepts up to 1 GB). A stream of unknown length fails as soon as it passes the limit.
     */
    private Long maxFileSize;

    /**
     * How many times a failed request is retried when the failure is worth retrying (I/O error, 408, 429, 5xx except 501).
     */
    private Integer maxRetries;

    /**
     * Upper bound in milliseconds of any retry delay, a server's Retry-After included.
     */
    private Long maxRetryDelay;

    /**
     * Whether an existing file at the path is overwritten (sent as isOverwrite); when false, ClickHelp refuses it.
     */
    private Boolean overwrite;

    /**
     * A bean called after every chunk the server confirms, and when the upload completes.
     */
    private io.github.camelupload.support.progress.UploadProgressListener progressListener;

    /**
     * How long in milliseconds to wait for the server's response (and for any single read) before the request counts as failed.
     */
    private Long responseTimeout;

    /**
     * Delay in milliseconds before the first retry; doubled for every further retry, with jitter.
     */
    private Long retryDelay;

    /**
     * A StateRepository (for example a FileStateRepository) in which the upload state is saved after every confirmed chunk, so that a later upload of the same unchanged file to the same target resumes instead of starting over. The entry is removed when the upload completes. Only file bodies (File, Path, file consumer) are tracked.
     */
    private org.apache.camel.spi.StateRepository<String, String> uploadStateRepository;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled;

    /**
     * HTTP proxy host name.
     */
    private String proxyHost;

    /**
     * HTTP proxy port.
     */
    private Integer proxyPort;

    /**
     * Allow plain http:// to hosts other than loopback. Credentials would travel unencrypted: only for test setups.
     */
    private Boolean allowInsecureHttp;

    /**
     * The API key of the login (HTTP Basic password); not the account password.
     */
    private String apiKey;

    /**
     * TLS settings (trust store, key store, protocols) for the connection to the service.
     */
    private org.apache.camel.support.jsse.SSLContextParameters sslContextParameters;

    /**
     * The ClickHelp login the upload is made as (HTTP Basic user name).
     */
    private String username;

    public String getPortalUrl() {
        return portalUrl;
    }

    public void setPortalUrl(String portalUrl) {
        this.portalUrl = portalUrl;
    }

    public Integer getChunkSize() {
        return chunkSize;
    }

    public void setChunkSize(Integer chunkSize) {
        this.chunkSize = chunkSize;
    }

    public io.github.camelupload.clickhelp.ClickHelpConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(io.github.camelupload.clickhelp.ClickHelpConfiguration configuration) {
        this.configuration = configuration;
    }

    public Long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Long getMaxFileSize() {
        return maxFileSize;
    }

    public void setMaxFileSize(Long maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Long getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(Long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public Boolean getOverwrite() {
        return overwrite;
    }

    public void setOverwrite(Boolean overwrite) {
        this.overwrite = overwrite;
    }

    public io.github.camelupload.support.progress.UploadProgressListener getProgressListener() {
        return progressListener;
    }

    public void setProgressListener(io.github.camelupload.support.progress.UploadProgressListener progressListener) {
        this.progressListener = progressListener;
    }

    public Long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Long getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(Long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public org.apache.camel.spi.StateRepository<String, String> getUploadStateRepository() {
        return uploadStateRepository;
    }

    public void setUploadStateRepository(org.apache.camel.spi.StateRepository<String, String> uploadStateRepository) {
        this.uploadStateRepository = uploadStateRepository;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public Boolean getAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(Boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public org.apache.camel.support.jsse.SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(org.apache.camel.support.jsse.SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }
}
