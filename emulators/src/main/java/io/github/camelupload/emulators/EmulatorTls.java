package io.github.camelupload.emulators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The emulators' HTTPS: a self-signed certificate for {@code 127.0.0.1} and {@code localhost} (EC P-256, valid
 * until 2125), bundled as a test-only key store. Its private key is public knowledge: trust it in tests only.
 * Clients trust it with {@link #TRUST_STORE_RESOURCE} (also as PEM: {@link #CERTIFICATE_PEM_RESOURCE}, e.g. for
 * {@code curl --cacert}).
 */
public final class EmulatorTls {

    private static final String DIR = "io/github/camelupload/emulators/tls/";
    /** PKCS12 with the certificate and its private key (alias {@code emulator}). */
    public static final String KEY_STORE_RESOURCE = DIR + "emulator-keystore.p12";
    /** PKCS12 holding only the certificate, as a trusted entry. */
    public static final String TRUST_STORE_RESOURCE = DIR + "emulator-truststore.p12";
    public static final String CERTIFICATE_PEM_RESOURCE = DIR + "emulator-cert.pem";
    /** Password of both stores. */
    public static final String PASSWORD = "emulator";

    private EmulatorTls() {
    }

    /** The connection factories of an HTTPS connector: TLS, then HTTP/1.1 as before. */
    static ConnectionFactory[] httpsConnectionFactories(HttpConfiguration http) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(load(KEY_STORE_RESOURCE));
        tls.setKeyStorePassword(PASSWORD);
        HttpConfiguration https = new HttpConfiguration(http);
        // clients connect to 127.0.0.1 without SNI: the host check must not refuse them
        https.addCustomizer(new SecureRequestCustomizer(false));
        return new ConnectionFactory[] { new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https) };
    }

    /** The trust store with the emulators' certificate. */
    public static KeyStore trustStore() {
        return load(TRUST_STORE_RESOURCE);
    }

    /** An SSL context that trusts the emulators' certificate (and nothing else), for plain clients in tests. */
    public static SSLContext clientContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the emulators' client TLS context", e);
        }
    }

    private static KeyStore load(String resource) {
        try (InputStream in = EmulatorTls.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
