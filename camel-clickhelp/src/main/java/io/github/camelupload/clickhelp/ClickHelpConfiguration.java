package io.github.camelupload.clickhelp;

import io.github.camelupload.support.UploadConfiguration;
import io.github.camelupload.support.http.BaseUrls;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * The options of a ClickHelp endpoint: where the portal is, who uploads, and how. The shared options (retries,
 * timeouts, progress, resume state, TLS, proxy) come from {@link UploadConfiguration}.
 */
@UriParams
public class ClickHelpConfiguration extends UploadConfiguration {

    /** The largest chunk the ClickHelp API accepts (10 MB, taken as 10 MiB as in the API's own example). */
    public static final int MAX_CHUNK_SIZE = 10 * 1024 * 1024;
    /** The largest file the resumable upload accepts (1 GB, taken as 1 GiB). */
    public static final long DEFAULT_MAX_FILE_SIZE = 1024L * 1024 * 1024;

    /** The ClickHelp API to call; only storage (upload a file to the portal's Storage) is supported. */
    @UriPath(enums = "storage")
    @Metadata(required = true)
    private String apiName;

    /**
     * The path of the file in Storage, relative to its root, with folders separated by '/' (for example
     * docs/images/logo.png). May be left out when every message names its path in the CamelClickHelpFilePath or
     * CamelFileName header.
     */
    @UriPath
    private String filePath;

    /**
     * The portal's base URL, for example https://acme.clickhelp.co; https:// is assumed when no scheme is given. The
     * API is called under {portalUrl}/api/v1/.
     */
    @UriParam(label = "common")
    @Metadata(required = true)
    private String portalUrl;

    /** The ClickHelp login the upload is made as (HTTP Basic user name). */
    @UriParam(label = "security", secret = true)
    @Metadata(required = true)
    private String username;

    /** The API key of the login (HTTP Basic password); not the account password. */
    @UriParam(label = "security", secret = true)
    @Metadata(required = true)
    private String apiKey;

    /** Whether an existing file at the path is overwritten (sent as isOverwrite); when false, ClickHelp refuses it. */
    @UriParam(label = "producer", defaultValue = "false")
    private boolean overwrite;

    /** Bytes sent per PUT request, 1 to 10485760 (the API's limit of 10 MB per chunk). */
    @UriParam(label = "producer", defaultValue = "10485760")
    private int chunkSize = MAX_CHUNK_SIZE;

    /**
     * Bodies larger than this many bytes are refused before any request is sent (the resumable upload accepts up to 1
     * GB). A stream of unknown length fails as soon as it passes the limit.
     */
    @UriParam(label = "producer", defaultValue = "1073741824", javaType = "long")
    private long maxFileSize = DEFAULT_MAX_FILE_SIZE;

    /** A copy for an endpoint: component-level values become the endpoint's defaults. */
    public ClickHelpConfiguration copy() {
        return (ClickHelpConfiguration) copyConfiguration();
    }

    /**
     * Fails with a message naming the option when a required option is missing or a value is out of range. The
     * messages never repeat a credential.
     */
    public void validate() {
        validateCommon();
        apiBaseUrl();
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("The option username is required (the ClickHelp login)");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("The option apiKey is required (the API key of the ClickHelp login)");
        }
        if (username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("The option username must not contain ':' (HTTP Basic authentication cannot carry it)");
        }
        checkNoControlCharacters("username", username);
        checkNoControlCharacters("apiKey", apiKey);
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException(
                    "The option chunkSize must be between 1 and " + MAX_CHUNK_SIZE + " bytes (the API's limit of 10 MB per chunk), was "
                                               + chunkSize);
        }
        if (maxFileSize < 1) {
            throw new IllegalArgumentException("The option maxFileSize must be positive, was " + maxFileSize);
        }
    }

    /** The normalised portal URL (no trailing slash); fails when it is missing, malformed or plain HTTP to a remote host. */
    public String normalizedPortalUrl() {
        return BaseUrls.normalize("portalUrl", portalUrl, isAllowInsecureHttp());
    }

    /** Where the API lives: {@code {portalUrl}/api/v1/}. */
    public String apiBaseUrl() {
        return normalizedPortalUrl() + "/api/v1/";
    }

    private static void checkNoControlCharacters(String option, String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                // the value itself is never repeated: it is a credential
                throw new IllegalArgumentException("The option " + option + " contains a control character, which is not allowed");
            }
        }
    }

    public String getApiName() {
        return apiName;
    }

    public void setApiName(String apiName) {
        this.apiName = apiName;
    }

    public String getFilePath() {
        return filePath;
    }

    public void setFilePath(String filePath) {
        this.filePath = filePath;
    }

    public String getPortalUrl() {
        return portalUrl;
    }

    public void setPortalUrl(String portalUrl) {
        this.portalUrl = portalUrl;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public boolean isOverwrite() {
        return overwrite;
    }

    public void setOverwrite(boolean overwrite) {
        this.overwrite = overwrite;
    }

    public int getChunkSize() {
        return chunkSize;
    }

    public void setChunkSize(int chunkSize) {
        this.chunkSize = chunkSize;
    }

    public long getMaxFileSize() {
        return maxFileSize;
    }

    public void setMaxFileSize(long maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    /** Never prints the credentials. */
    @Override
    public String toString() {
        return "ClickHelpConfiguration[portalUrl=" + portalUrl + ", filePath=" + filePath + ", username="
               + (username == null ? "null" : "xxxxxx") + ", apiKey=" + (apiKey == null ? "null" : "xxxxxx") + ", overwrite="
               + overwrite + ", chunkSize=" + chunkSize + ", maxFileSize=" + maxFileSize + "]";
    }
}
