package io.github.camelupload.support.http;

import javax.net.ssl.SSLHandshakeException;

/** Turns the JDK's terse certificate errors into a message that says what to do. */
final class TlsFailures {

    private TlsFailures() {
    }

    /** The same failure type (still not retried), with the host and the remedy in its message. */
    static SSLHandshakeException explain(SSLHandshakeException failure, String host) {
        SSLHandshakeException explained = new SSLHandshakeException(
                "The TLS handshake with " + host + " failed: " + failure.getMessage()
                                                                   + ". If the service uses a private or self-signed certificate, trust it with the "
                                                                   + "sslContextParameters option (a trust store holding that certificate)");
        explained.initCause(failure);
        return explained;
    }
}
