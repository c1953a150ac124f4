package io.github.camelupload.contentisland.springboot;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every option of the contentisland component, as {@code camel.component.contentisland.*} properties. They are the defaults of
 * every contentisland endpoint; an option in an endpoint URI overrides them.
 *
 * <p>Unlike Apache Camel's generated starters, no field has an initial value: an option that is not set is not copied,
 * so the component's own defaults stay the only ones, and a {@code configuration} bean is not overwritten by defaults.
 * The defaults shown by IDEs come from {@code META-INF/additional-spring-configuration-metadata.json};
 * {@code StarterMetadataTest} checks them against the component JSON.
 */
@ConfigurationProperties(prefix = "camel.component.contentisland")
public class ContentIslandComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * The API base URL; the uploads go to {baseUrl}/resource/upload. https:// is required except for loopback hosts (or with allowInsecureHttp).
     */
    private String baseUrl;

    /**
     * Bytes per chunk of a chunked upload, from 5242880 (5 MiB, the smallest part the storage accepts) to 400000000. Grown automatically when the body would need more than 10,000 chunks. One chunk of a stream body is held in memory; file bodies are read by position.
     */
    private Long chunkSize;

    /**
     * Connect timeout in milliseconds.
     */
    private Long connectTimeout;

    /**
     * The file name sent as the multipart filename; the stored resource is named after it. The header CamelContentIslandFileName overrides it; without either, the last segment of CamelFileName is used.
     */
    private String fileName;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled during routing messages via Camel's routing error handlers. Beware that when the first message is processed then creating and starting the producer may take a little time and prolong the total processing time of the processing.
     */
    private Boolean lazyStartProducer;

    /**
     * How many times a failed request is retried when the failure is worth retrying (I/O error, 408, 429, 5xx except 501).
     */
    private Integer maxRetries;

    /**
     * Upper bound in milliseconds of any retry delay, a server's Retry-After included.
     */
    private Long maxRetryDelay;

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
     * The largest body in bytes sent as one simple upload; at most 419430400 (400 MiB). In auto mode larger bodies are uploaded in chunks.
     */
    private Long simpleUploadLimit;

    /**
     * auto: a simple upload when the body's size is at most simpleUploadLimit, a chunked upload otherwise. simple: always one request (bodies over simpleUploadLimit fail before any request). chunked: always one request per chunk, resumable. The header CamelContentIslandUploadMode overrides it.
     */
    private io.github.camelupload.contentisland.ContentIslandUploadMode uploadMode;

    /**
     * A StateRepository (for example a FileStateRepository) in which the upload state is saved after every confirmed chunk, so that a later upload of the same unchanged file to the same target resumes instead of starting over. The entry is removed when the upload completes. Only file bodies (File, Path, file consumer) are tracked.
     */
    private org.apache.camel.spi.StateRepository<String, String> uploadStateRepository;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled;

    /**
     * Component configuration: the defaults of every endpoint's options
     */
    private io.github.camelupload.contentisland.ContentIslandConfiguration configuration;

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
     * TLS settings (trust store, key store, protocols) for the connection to the service.
     */
    private org.apache.camel.support.jsse.SSLContextParameters sslContextParameters;

    /**
     * A ContentIsland Write Token, sent as Authorization: Bearer. A read-only token gets 403. Wrap it in RAW(...) so that characters special in a URI are taken as they are.
     */
    private String token;

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Long getChunkSize() {
        return chunkSize;
    }

    public void setChunkSize(Long chunkSize) {
        this.chunkSize = chunkSize;
    }

    public Long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
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

    public Long getSimpleUploadLimit() {
        return simpleUploadLimit;
    }

    public void setSimpleUploadLimit(Long simpleUploadLimit) {
        this.simpleUploadLimit = simpleUploadLimit;
    }

    public io.github.camelupload.contentisland.ContentIslandUploadMode getUploadMode() {
        return uploadMode;
    }

    public void setUploadMode(io.github.camelupload.contentisland.ContentIslandUploadMode uploadMode) {
        this.uploadMode = uploadMode;
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

    public io.github.camelupload.contentisland.ContentIslandConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(io.github.camelupload.contentisland.ContentIslandConfiguration configuration) {
        this.configuration = configuration;
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

    public org.apache.camel.support.jsse.SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(org.apache.camel.support.jsse.SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
