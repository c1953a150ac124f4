package io.github.camelupload.support.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.DefaultContentLengthStrategy;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestWriterFactory;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.http.message.RequestLine;
import org.apache.hc.core5.http.message.StatusLine;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections whose logs never show credentials. HttpClient's own connections print every request header to the
 * {@code org.apache.hc.client5.http.headers} logger (the {@code Authorization} header with them: a ContentIsland
 * token, or ClickHelp's login and API key in base64) and every byte sent, headers included, to
 * {@code org.apache.hc.client5.http.wire}. These connections log the headers with the credential headers' values
 * replaced, and write no wire log at all: it could only be made safe by parsing the byte stream, and for an upload
 * it would print the whole file.
 */
final class RedactingConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

    /** The logger names HttpClient uses, so that existing logging configurations keep working. */
    private static final Logger HEADER_LOG = LoggerFactory.getLogger("org.apache.hc.client5.http.headers");
    private static final Logger WIRE_LOG = LoggerFactory.getLogger("org.apache.hc.client5.http.wire");
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
    static final String REDACTED = "[redacted]";
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final AtomicBoolean WIRE_LOG_NOTE = new AtomicBoolean();

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        RedactingConnection connection = new RedactingConnection("upload-http-" + COUNTER.getAndIncrement());
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    /** What a header looks like in the log. */
    static String describe(Header header) {
        return header.getName() + ": "
               + (CREDENTIAL_HEADERS.contains(header.getName().toLowerCase(Locale.ROOT)) ? REDACTED : header.getValue());
    }

    /**
     * HttpClient's {@code DefaultManagedHttpClientConnection} (not public, so not extendable) without its wire log
     * and with redacted header logs.
     */
    private static final class RedactingConnection extends DefaultBHttpClientConnection implements ManagedHttpClientConnection {

        private final String id;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile Timeout socketTimeout;

        RedactingConnection(String id) {
            super(Http1Config.DEFAULT, null, null, DefaultContentLengthStrategy.INSTANCE, DefaultContentLengthStrategy.INSTANCE,
                  DefaultHttpRequestWriterFactory.INSTANCE, DefaultHttpResponseParserFactory.INSTANCE);
            this.id = id;
        }

        String getId() {
            return id;
        }

        @Override
        public void bind(Socket socket) throws IOException {
            bind(new SocketHolder(socket));
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            bind(new SocketHolder(sslSocket, socket));
        }

        @Override
        protected void bind(SocketHolder holder) throws IOException {
            noteNoWireLog();
            if (closed.get()) {
                holder.getSocket().close();
                throw new InterruptedIOException("Connection already shut down");
            }
            super.bind(holder);
            socketTimeout = Timeout.ofMilliseconds(holder.getSocket().getSoTimeout());
        }

        @Override
        public Socket getSocket() {
            SocketHolder holder = getSocketHolder();
            return holder == null ? null : holder.getSocket();
        }

        @Override
        public void setSocketTimeout(Timeout timeout) {
            super.setSocketTimeout(timeout);
            socketTimeout = timeout;
        }

        @Override
        public void passivate() {
            super.setSocketTimeout(Timeout.ZERO_MILLISECONDS); // an idle pooled connection waits without a timeout
        }

        @Override
        public void activate() {
            super.setSocketTimeout(socketTimeout);
        }

        @Override
        public void close() throws IOException {
            if (closed.compareAndSet(false, true)) {
                super.close();
            }
        }

        @Override
        public void close(CloseMode mode) {
            if (closed.compareAndSet(false, true)) {
                super.close(mode);
            }
        }

        @Override
        protected void onRequestSubmitted(ClassicHttpRequest request) {
            if (request != null && HEADER_LOG.isDebugEnabled()) {
                HEADER_LOG.debug("{} >> {}", id, new RequestLine(request));
                for (Header header : request.getHeaders()) {
                    HEADER_LOG.debug("{} >> {}", id, describe(header));
                }
            }
        }

        @Override
        protected void onResponseReceived(ClassicHttpResponse response) {
            if (response != null && HEADER_LOG.isDebugEnabled()) {
                HEADER_LOG.debug("{} << {}", id, new StatusLine(response));
                for (Header header : response.getHeaders()) {
                    HEADER_LOG.debug("{} << {}", id, describe(header));
                }
            }
        }

        private static void noteNoWireLog() {
            if (WIRE_LOG.isDebugEnabled() && WIRE_LOG_NOTE.compareAndSet(false, true)) {
                WIRE_LOG.debug("camel-upload writes no wire log: it would show credentials and every byte of every "
                               + "uploaded file; the headers are logged (credentials redacted) by "
                               + "org.apache.hc.client5.http.headers");
            }
        }

        @Override
        public String toString() {
            return id;
        }
    }
}
