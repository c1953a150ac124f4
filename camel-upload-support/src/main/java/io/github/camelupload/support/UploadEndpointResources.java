package io.github.camelupload.support;

import io.github.camelupload.support.http.UploadHttpClients;
import io.github.camelupload.support.retry.Retrier;
import io.github.camelupload.support.retry.Sleeper;

import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * What a started upload endpoint holds: its one pooled HTTP client and its retrier. Opening it also starts the
 * endpoint's {@code uploadStateRepository}: a {@code FileStateRepository} loads its file only when started, and
 * without that an upload would not resume after a restart. The repository is left running when the endpoint
 * stops, since it may be shared; its owner stops it.
 */
public final class UploadEndpointResources implements AutoCloseable {

    private final CloseableHttpClient httpClient;
    private final Retrier retrier;

    private UploadEndpointResources(CloseableHttpClient httpClient, Retrier retrier) {
        this.httpClient = httpClient;
        this.retrier = retrier;
    }

    public static UploadEndpointResources open(UploadConfiguration config, CamelContext context, int maxConnections)
            throws Exception {
        ServiceHelper.startService(config.getUploadStateRepository());
        return new UploadEndpointResources(UploadHttpClients.create(config, context, maxConnections),
                new Retrier(config.retryPolicy(), Sleeper.THREAD_SLEEP));
    }

    public CloseableHttpClient httpClient() {
        return httpClient;
    }

    public Retrier retrier() {
        return retrier;
    }

    @Override
    public void close() throws Exception {
        httpClient.close();
    }
}
