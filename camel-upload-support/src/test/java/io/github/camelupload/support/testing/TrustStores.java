package io.github.camelupload.support.testing;

import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/** Camel TLS settings that trust what a PKCS12 trust store on the classpath holds (a test server's certificate). */
public final class TrustStores {

    private TrustStores() {
    }

    public static SSLContextParameters trusting(String classpathResource, String password) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("classpath:" + classpathResource);
        trustStore.setPassword(password);
        trustStore.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trust);
        return tls;
    }
}
