package io.github.camelupload.support;

import io.github.camelupload.support.progress.UploadProgressListener;
import io.github.camelupload.support.retry.RetryPolicy;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

import java.time.Duration;

/**
 * The options every upload component has: retries, timeouts, progress, resume state, TLS and proxy. Each component's
 * configuration extends this class and adds its own; descriptions sit in the annotations because tooling reads them
 * from a class compiled in another module.
 */
@UriParams
public abstract class UploadConfiguration implements Cloneable {

    @UriParam(label = "producer", defaultValue = "5",
              description = "How many times a failed request is retried when the failure is worth retrying (I/O error, 408, 429, 5xx except 501).")
    private int maxRetries = 5;
    @UriParam(label = "producer", defaultValue = "500", javaType = "long",
              description = "Delay in milliseconds before the first retry; doubled for every further retry, with jitter.")
    private long retryDelay = 500;
    @UriParam(label = "producer", defaultValue = "30000", javaType = "long",
              description = "Upper bound in milliseconds of any retry delay, a server's Retry-After included.")
    private long maxRetryDelay = 30000;
    @UriParam(label = "producer", defaultValue = "10000", javaType = "long",
              description = "Connect timeout in milliseconds.")
    private long connectTimeout = 10000;
    @UriParam(label = "producer", defaultValue = "60000", javaType = "long",
              description = "How long in milliseconds to wait for the server's response (and for any single read) before the request counts as failed.")
    private long responseTimeout = 60000;
    @UriParam(label = "producer",
              description = "A bean called after every chunk the server confirms, and when the upload completes.")
    private UploadProgressListener progressListener;
    @UriParam(label = "producer",
              description = "A StateRepository<String,String> (for example a FileStateRepository) in which the upload state is saved after every confirmed chunk, so that a later upload of the same unchanged file to the same target resumes instead of starting over. The entry is removed when the upload completes. Only file bodies (File, Path, file consumer) are tracked.")
    private StateRepository<String, String> uploadStateRepository;
    @UriParam(label = "security", defaultValue = "false",
              description = "Allow plain http:// to hosts other than loopback. Credentials would travel unencrypted: only for test setups.")
    private boolean allowInsecureHttp;
    @UriParam(label = "security",
              description = "TLS settings (trust store, key store, protocols) for the connection to the service.")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "proxy", description = "HTTP proxy host name.")
    private String proxyHost;
    @UriParam(label = "proxy", defaultValue = "3128", description = "HTTP proxy port.")
    private int proxyPort = 3128;

    /** Fails early, with a message naming the option, when a shared option is out of range. */
    public void validateCommon() {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("The option maxRetries must be 0 or more, was " + maxRetries);
        }
        if (retryDelay < 0) {
            throw new IllegalArgumentException("The option retryDelay must be 0 or more, was " + retryDelay);
        }
        if (maxRetryDelay < retryDelay) {
            throw new IllegalArgumentException(
                    "The option maxRetryDelay (" + maxRetryDelay + ") must not be below retryDelay (" + retryDelay + ")");
        }
        if (connectTimeout <= 0) {
            throw new IllegalArgumentException("The option connectTimeout must be positive, was " + connectTimeout);
        }
        if (responseTimeout <= 0) {
            throw new IllegalArgumentException("The option responseTimeout must be positive, was " + responseTimeout);
        }
        if (proxyHost != null && !proxyHost.isBlank() && (proxyPort <= 0 || proxyPort > 65535)) {
            throw new IllegalArgumentException("The option proxyPort must be between 1 and 65535, was " + proxyPort);
        }
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxRetries, Duration.ofMillis(retryDelay), Duration.ofMillis(maxRetryDelay));
    }

    /** A shallow copy: the endpoint gets its own configuration, beans are shared. */
    protected UploadConfiguration copyConfiguration() {
        try {
            return (UploadConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
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

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
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

    public int getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(int proxyPort) {
        this.proxyPort = proxyPort;
    }
}
