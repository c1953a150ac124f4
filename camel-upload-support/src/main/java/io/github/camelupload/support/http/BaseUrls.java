package io.github.camelupload.support.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Checks and normalises a service base URL: {@code https} unless the host is loopback (the emulators) or the user
 * explicitly allows plain HTTP; no credentials, query or fragment in it. Messages never repeat a user-info part.
 */
public final class BaseUrls {

    private BaseUrls() {
    }

    /**
     * @param  option            the option's name, for messages
     * @param  url               the configured URL; {@code https://} is assumed when it has no scheme
     * @param  allowInsecureHttp whether {@code http://} is accepted for any host
     * @return                   the URL without a trailing slash
     */
    public static String normalize(String option, String url, boolean allowInsecureHttp) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("The option " + option + " is required");
        }
        String text = url.trim();
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The option " + option + " is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("The option " + option + " must be an https:// URL, not " + scheme + "://");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "The option " + option + " must not carry credentials in the URL: use the component's credential options");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("The option " + option + " has no host name");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("The option " + option + " must not have a query or fragment");
        }
        if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("The option " + option + " uses plain http:// to " + uri.getHost()
                                               + ", which would send credentials unencrypted: use https://, or set allowInsecureHttp=true");
        }
        String normalized = scheme + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
        while (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return normalized;
    }

    /** Whether a host name is a loopback address (checked without any DNS lookup). */
    public static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name: only "localhost" counts, no DNS lookup
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
