package io.github.camelupload.contentisland;

import org.apache.camel.spi.Metadata;

/** The message headers of the {@code contentisland} component. */
public final class ContentIslandConstants {

    @Metadata(label = "producer", javaType = "String",
              description = "In: the file name sent as the multipart filename (the stored resource is named after it). Overrides the fileName option.")
    public static final String FILE_NAME = "CamelContentIslandFileName";

    @Metadata(label = "producer", javaType = "String", enums = "auto,simple,chunked",
              description = "In: the upload mode for this message: auto, simple or chunked. Overrides the uploadMode option.")
    public static final String UPLOAD_MODE = "CamelContentIslandUploadMode";

    @Metadata(label = "producer", javaType = "String",
              description = "In/out: the uploadId of the chunked upload in progress, as the latest chunk response gave it.")
    public static final String UPLOAD_ID = "CamelContentIslandUploadId";

    @Metadata(label = "producer", javaType = "String",
              description = "In/out: the filePrefix of the chunked upload in progress, as the latest chunk response gave it.")
    public static final String FILE_PREFIX = "CamelContentIslandFilePrefix";

    @Metadata(label = "producer", javaType = "String",
              description = "In/out: the multiPartUpload object of the latest chunk response, as a JSON string.")
    public static final String MULTI_PART_UPLOAD = "CamelContentIslandMultiPartUpload";

    @Metadata(label = "producer", javaType = "Integer",
              description = "In/out: the index of the next chunk to send. An exchange that arrives with the state headers continues that upload from this chunk.")
    public static final String CHUNK_INDEX = "CamelContentIslandChunkIndex";

    @Metadata(label = "producer", javaType = "Long",
              description = "In/out: the chunk size in bytes of the chunked upload in progress.")
    public static final String CHUNK_SIZE = "CamelContentIslandChunkSize";

    @Metadata(label = "producer", javaType = "Integer",
              description = "In/out: the number of chunks of the chunked upload in progress.")
    public static final String TOTAL_CHUNKS = "CamelContentIslandTotalChunks";

    @Metadata(label = "producer", javaType = "String",
              description = "In/out: where the chunked upload in progress goes (base URL and file name). State headers recorded for another target are not applied.")
    public static final String UPLOAD_TARGET = "CamelContentIslandUploadTarget";

    @Metadata(label = "producer", javaType = "String",
              description = "Out: the name of the stored resource (prefixed and sanitized by ContentIsland).")
    public static final String RESOURCE_NAME = "CamelContentIslandResourceName";

    @Metadata(label = "producer", javaType = "String",
              description = "Out: the public URL of the stored resource.")
    public static final String RESOURCE_URL = "CamelContentIslandResourceUrl";

    /**
     * Exchange property (not a header) holding the latest state of the chunked upload in progress as JSON. Camel's
     * redelivery restores the message as it was before the failed attempt, state headers included; the property
     * survives, so a redelivered exchange continues where the failed attempt stopped.
     */
    public static final String UPLOAD_STATE_PROPERTY = "CamelContentIslandUploadState";

    /** The headers that carry the state of a chunked upload in progress. */
    static final String[] STATE_HEADERS = {
            UPLOAD_ID, FILE_PREFIX, MULTI_PART_UPLOAD, CHUNK_INDEX, CHUNK_SIZE, TOTAL_CHUNKS, UPLOAD_TARGET };

    private ContentIslandConstants() {
    }
}
