package io.github.camelupload.support.http;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import javax.net.ssl.SSLHandshakeException;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;

/**
 * An HTTP client whose request bodies are guarded by the {@link WriteWatchdog}: a request whose body makes no
 * progress for the response timeout is aborted and fails with a {@link RequestBodyStalledException}. Waiting for the
 * response afterwards is covered by the socket timeout as before. A failed TLS handshake gets a message that names
 * the remedy. Everything else is the wrapped client's.
 */
final class WatchdogHttpClient extends CloseableHttpClient {

    /**
     * Writes are split into pieces of this size, so that a slow but moving server shows progress often. Not smaller:
     * every piece is a socket write of its own, and 8 KiB pieces cost a 1 GiB upload a quarter more CPU.
     */
    private static final int PIECE = 512 * 1024;

    private final CloseableHttpClient delegate;
    private final long timeoutMillis;

    WatchdogHttpClient(CloseableHttpClient delegate, long timeoutMillis) {
        this.delegate = delegate;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    protected CloseableHttpResponse doExecute(HttpHost target, ClassicHttpRequest request, HttpContext context)
            throws IOException {
        try {
            return watched(target, request, context);
        } catch (SSLHandshakeException e) {
            throw TlsFailures.explain(e, target != null ? target.toHostString()
                    : request.getAuthority() != null ? request.getAuthority().toString() : "the service");
        }
    }

    @SuppressWarnings("deprecation") // the delegate's public execute is the only way in to its doExecute
    private CloseableHttpResponse watched(HttpHost target, ClassicHttpRequest request, HttpContext context)
            throws IOException {
        HttpEntity body = request.getEntity();
        if (body == null || !(request instanceof Cancellable cancellable)) {
            return delegate.execute(target, request, context);
        }
        WatchedEntity watched = new WatchedEntity(body, cancellable, timeoutMillis);
        request.setEntity(watched);
        try {
            return delegate.execute(target, request, context);
        } catch (IOException e) {
            if (watched.stalled()) {
                RequestBodyStalledException stalled = new RequestBodyStalledException(
                        "The request body made no progress for " + timeoutMillis + " ms (" + request.getMethod() + " "
                                                                                      + request.getRequestUri()
                                                                                      + "): the server stopped reading it, so the request was aborted");
                stalled.initCause(e);
                throw stalled;
            }
            throw e;
        } finally {
            request.setEntity(body);
        }
    }

    @Override
    public void close(CloseMode closeMode) {
        delegate.close(closeMode);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    /** The request body, written under a watch. */
    private static final class WatchedEntity extends HttpEntityWrapper {

        private final Cancellable request;
        private final long timeoutMillis;
        private volatile boolean stalled;

        WatchedEntity(HttpEntity body, Cancellable request, long timeoutMillis) {
            super(body);
            this.request = request;
            this.timeoutMillis = timeoutMillis;
        }

        boolean stalled() {
            return stalled;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            WriteWatchdog.Watch watch = WriteWatchdog.arm(request, timeoutMillis);
            try {
                super.writeTo(new FilterOutputStream(out) {
                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                        watch.progress();
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        for (int done = 0; done < length; done += PIECE) {
                            out.write(bytes, offset + done, Math.min(PIECE, length - done));
                            watch.progress();
                        }
                    }

                    @Override
                    public void close() {
                        // the connection owns the socket stream
                    }
                });
            } finally {
                watch.close();
                stalled = watch.fired();
            }
        }
    }
}
