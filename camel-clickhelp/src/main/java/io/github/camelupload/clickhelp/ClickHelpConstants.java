package io.github.camelupload.clickhelp;

import org.apache.camel.spi.Metadata;

/** The message headers the ClickHelp producer reads and writes. */
public final class ClickHelpConstants {

    @Metadata(label = "producer", javaType = "String",
              description = "In: the storage path to upload to (folders separated by '/'). Overrides the path of the endpoint URI; "
                            + "when neither is given, the CamelFileName header is used.")
    public static final String FILE_PATH = "CamelClickHelpFilePath";

    @Metadata(label = "producer", javaType = "Boolean",
              description = "In: whether an existing file at the path is overwritten. Overrides the overwrite option.")
    public static final String OVERWRITE = "CamelClickHelpOverwrite";

    @Metadata(label = "producer", javaType = "Long",
              description = "Out: the bytes the server has confirmed so far; updated after every chunk and left on the exchange "
                            + "when the upload fails. In: resume the upload at this offset without starting a new one (no POST); "
                            + "ignored when CamelClickHelpUploadTarget names a different target. Removed when the upload completes.")
    public static final String UPLOAD_OFFSET = "CamelClickHelpUploadOffset";

    @Metadata(label = "producer", javaType = "String",
              description = "Out: the target (portal URL and storage path) the CamelClickHelpUploadOffset header belongs to. "
                            + "In: an offset is applied only when this header is absent or names the same target. "
                            + "Removed when the upload completes.")
    public static final String UPLOAD_TARGET = "CamelClickHelpUploadTarget";

    @Metadata(label = "producer", javaType = "Long",
              description = "Out: the total number of bytes of the upload (set as soon as it is known).")
    public static final String UPLOAD_LENGTH = "CamelClickHelpUploadLength";

    @Metadata(label = "producer", javaType = "String",
              description = "Out: the fileFullName of the stored file, from the descriptor ClickHelp returns "
                            + "(for example Storage\\docs\\logo.png).")
    public static final String FILE_FULL_NAME = "CamelClickHelpFileFullName";

    private ClickHelpConstants() {
    }
}
