package io.github.camelupload.contentisland;

import io.github.camelupload.support.UploadConfiguration;
import io.github.camelupload.support.http.BaseUrls;
import io.github.camelupload.support.http.Inputs;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a {@code contentisland:} endpoint. The shared ones (retries, timeouts, progress, resume state, TLS,
 * proxy) come from {@link UploadConfiguration}.
 */
@UriParams
public class ContentIslandConfiguration extends UploadConfiguration {

    /** The public API. */
    public static final String DEFAULT_BASE_URL = "https://api.contentisland.net/api/1.0";
    /** 400 MB read the safe way (the docs do not say whether they mean 10^6 or 2^20). */
    public static final long DEFAULT_SIMPLE_UPLOAD_LIMIT = 400_000_000L;
    /** 400 MiB: no simple upload can be larger under any reading of "400 MB". */
    public static final long MAX_SIMPLE_UPLOAD_LIMIT = 419_430_400L;
    public static final long DEFAULT_CHUNK_SIZE = 8_388_608L;
    /** S3 rejects non-final parts below 5 MiB when the upload is completed. */
    public static final long MIN_CHUNK_SIZE = 5_242_880L;
    /** Each chunk request is at most 400 MB. */
    public static final long MAX_CHUNK_SIZE = 400_000_000L;
    /** S3 allows at most 10,000 parts per multipart upload. */
    public static final int MAX_CHUNKS = 10_000;

    @UriParam(label = "security", secret = true,
              description = "A ContentIsland Write Token, sent as Authorization: Bearer. A read-only token gets 403. Wrap it in RAW(...) so that characters special in a URI are taken as they are.")
    @Metadata(required = true)
    private String token;
    @UriParam(label = "producer", defaultValue = DEFAULT_BASE_URL,
              description = "The API base URL; the uploads go to {baseUrl}/resource/upload. https:// is required except for loopback hosts (or with allowInsecureHttp).")
    private String baseUrl = DEFAULT_BASE_URL;
    @UriParam(label = "producer", defaultValue = "auto", enums = "auto,simple,chunked",
              description = "auto: a simple upload when the body's size is at most simpleUploadLimit, a chunked upload otherwise. simple: always one request (bodies over simpleUploadLimit fail before any request). chunked: always one request per chunk, resumable. The header CamelContentIslandUploadMode overrides it.")
    private ContentIslandUploadMode uploadMode = ContentIslandUploadMode.auto;
    @UriParam(label = "producer", defaultValue = "400000000", javaType = "long",
              description = "The largest body in bytes sent as one simple upload; at most 419430400 (400 MiB). In auto mode larger bodies are uploaded in chunks.")
    private long simpleUploadLimit = DEFAULT_SIMPLE_UPLOAD_LIMIT;
    @UriParam(label = "producer", defaultValue = "8388608", javaType = "long",
              description = "Bytes per chunk of a chunked upload, from 5242880 (5 MiB, the smallest part the storage accepts) to 400000000. Grown automatically when the body would need more than 10,000 chunks. One chunk of a stream body is held in memory; file bodies are read by position.")
    private long chunkSize = DEFAULT_CHUNK_SIZE;
    @UriParam(label = "producer",
              description = "The file name sent as the multipart filename; the stored resource is named after it. The header CamelContentIslandFileName overrides it; without either, the last segment of CamelFileName is used.")
    private String fileName;

    /**
     * Checks every option, so that a bad endpoint fails when it is created, with a message naming the option.
     *
     * @return the normalised base URL
     */
    public String validate() {
        validateCommon();
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(
                    "The option token is required: set it to a ContentIsland Write Token, e.g. token=RAW(...) or token={{contentisland.token}}");
        }
        Inputs.requireNoControlCharacters("option token", token);
        if (token.strip().length() != token.length() || token.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("The option token must not contain whitespace");
        }
        String normalized = BaseUrls.normalize("baseUrl", baseUrl, isAllowInsecureHttp());
        if (uploadMode == null) {
            throw new IllegalArgumentException("The option uploadMode must be one of auto, simple or chunked");
        }
        if (simpleUploadLimit < 0 || simpleUploadLimit > MAX_SIMPLE_UPLOAD_LIMIT) {
            throw new IllegalArgumentException("The option simpleUploadLimit must be between 0 and " + MAX_SIMPLE_UPLOAD_LIMIT
                                               + " bytes (400 MiB), was " + simpleUploadLimit);
        }
        checkChunkSize("option chunkSize", chunkSize);
        if (fileName != null) {
            Inputs.requireNoControlCharacters("option fileName", fileName);
            if (fileName.isBlank()) {
                throw new IllegalArgumentException("The option fileName must not be blank");
            }
        }
        return normalized;
    }

    static void checkChunkSize(String what, long size) {
        if (size < MIN_CHUNK_SIZE || size > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("The " + what + " must be between " + MIN_CHUNK_SIZE + " (5 MiB) and "
                                               + MAX_CHUNK_SIZE + " bytes, was " + size);
        }
    }

    /** A copy for one endpoint: changing it leaves the component's defaults alone. */
    public ContentIslandConfiguration copy() {
        return (ContentIslandConfiguration) copyConfiguration();
    }

    public String getToken() {
        return token;
    }

    /** A ContentIsland Write Token, sent as {@code Authorization: Bearer}. */
    public void setToken(String token) {
        this.token = token;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /** The API base URL; uploads go to {@code {baseUrl}/resource/upload}. */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public ContentIslandUploadMode getUploadMode() {
        return uploadMode;
    }

    /** auto, simple or chunked. */
    public void setUploadMode(ContentIslandUploadMode uploadMode) {
        this.uploadMode = uploadMode;
    }

    public long getSimpleUploadLimit() {
        return simpleUploadLimit;
    }

    /** The largest body in bytes sent as one simple upload; at most 419430400. */
    public void setSimpleUploadLimit(long simpleUploadLimit) {
        this.simpleUploadLimit = simpleUploadLimit;
    }

    public long getChunkSize() {
        return chunkSize;
    }

    /** Bytes per chunk, 5242880..400000000. */
    public void setChunkSize(long chunkSize) {
        this.chunkSize = chunkSize;
    }

    public String getFileName() {
        return fileName;
    }

    /** The file name sent as the multipart filename. */
    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    @Override
    public String toString() {
        return "ContentIslandConfiguration[baseUrl=" + baseUrl + ", token=" + (token == null ? "none" : "xxxxxx")
               + ", uploadMode=" + uploadMode + ", simpleUploadLimit=" + simpleUploadLimit + ", chunkSize=" + chunkSize
               + ", fileName=" + fileName + ", maxRetries=" + getMaxRetries() + "]";
    }
}
