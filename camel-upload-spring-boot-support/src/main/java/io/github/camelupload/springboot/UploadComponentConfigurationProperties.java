package io.github.camelupload.springboot;

import io.github.camelupload.support.progress.UploadProgressListener;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options every upload component has, as Spring Boot properties: those of {@code UploadConfiguration} (retries,
 * timeouts, progress, resume state, TLS, proxy) and Camel's {@code lazyStartProducer} and {@code autowiredEnabled}.
 * Each starter's {@code @ConfigurationProperties} class extends it and adds the component's own options;
 * spring-boot-configuration-processor lists the inherited ones under the subclass's prefix.
 *
 * <p>No field has an initial value: an option that is not set is not copied, so the component's own defaults stay the
 * only ones, and a {@code configuration} bean is not overwritten by defaults. The descriptions and defaults IDEs show
 * come from the component JSON ({@link StarterMetadataGenerator}), not from Javadoc here: javac does not keep Javadoc
 * in class files, so the processor could not read it from this module anyway.
 */
public abstract class UploadComponentConfigurationProperties extends ComponentConfigurationPropertiesCommon {

    private Boolean lazyStartProducer;
    private Boolean autowiredEnabled;
    private Integer maxRetries;
    private Long retryDelay;
    private Long maxRetryDelay;
    private Long connectTimeout;
    private Long responseTimeout;
    private UploadProgressListener progressListener;
    private StateRepository<String, String> uploadStateRepository;
    private Boolean allowInsecureHttp;
    private SSLContextParameters sslContextParameters;
    private String proxyHost;
    private Integer proxyPort;

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Long getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(Long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public Long getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(Long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public Long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public UploadProgressListener getProgressListener() {
        return progressListener;
    }

    public void setProgressListener(UploadProgressListener progressListener) {
        this.progressListener = progressListener;
    }

    public StateRepository<String, String> getUploadStateRepository() {
        return uploadStateRepository;
    }

    public void setUploadStateRepository(StateRepository<String, String> uploadStateRepository) {
        this.uploadStateRepository = uploadStateRepository;
    }

    public Boolean getAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(Boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
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
}
