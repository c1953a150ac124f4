package io.github.camelupload.support.http;

import javax.net.ssl.SSLContext;

import io.github.camelupload.support.UploadConfiguration;

import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the one HTTP client an endpoint uses for all its uploads: pooled keep-alive connections, connect and
 * response timeouts (the response timeout also bounds a request body that stops moving, see {@link WriteWatchdog}),
 * the route's TLS settings and proxy. Retries and redirects are off in the client: the upload
 * engine decides what to retry, and a redirected PUT/POST must not silently re-send a body elsewhere.
 */
public final class UploadHttpClients {

    private UploadHttpClients() {
    }

    static String userAgent() {
        String version = UploadHttpClients.class.getPackage().getImplementationVersion();
        return version == null ? "camel-upload" : "camel-upload/" + version;
    }

    public static CloseableHttpClient create(UploadConfiguration config, CamelContext context, int maxConnections)
            throws Exception {
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(new RedactingConnectionFactory()) // no credentials in HttpClient's logs
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(config.getConnectTimeout()))
                        .setSocketTimeout(Timeout.ofMilliseconds(config.getResponseTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build());
        SSLContextParameters tls = config.getSslContextParameters();
        if (tls != null) {
            SSLContext sslContext = tls.createSSLContext(context);
            connections.setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(sslContext).buildClassic());
        }
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections.build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(config.getResponseTimeout()))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent(userAgent());
        if (config.getProxyHost() != null && !config.getProxyHost().isBlank()) {
            builder.setProxy(new HttpHost(config.getProxyHost(), config.getProxyPort()));
        }
        // socket timeouts guard reads only; the watchdog guards the writes of request bodies
        return new WatchdogHttpClient(builder.build(), config.getResponseTimeout());
    }
}
