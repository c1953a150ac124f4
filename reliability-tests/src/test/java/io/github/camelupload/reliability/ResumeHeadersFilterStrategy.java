package io.github.camelupload.reliability;

import org.apache.camel.component.jms.JmsHeaderFilterStrategy;

/**
 * camel-jms drops every header whose name starts with "Camel", both when sending and when receiving, so out of the
 * box the components' resume headers do not cross a broker (the soak's broker test found that: node B started over).
 * This strategy keeps camel-jms's filtering for every other Camel header and lets the resume headers through; set it
 * on the jms component ({@code headerFilterStrategy}) of every node.
 */
final class ResumeHeadersFilterStrategy extends JmsHeaderFilterStrategy {

    /** The headers a failed upload leaves for the next attempt, in both components. */
    static final String RESUME_HEADERS = "Camel(ClickHelpUpload(Offset|Target|Length)|ClickHelpFilePath"
                                         + "|ContentIsland(UploadId|MultiPartUpload|FilePrefix|ChunkIndex|ChunkSize"
                                         + "|TotalChunks|UploadTarget|FileName))";

    ResumeHeadersFilterStrategy() {
        super(false);
        String otherCamelHeaders = "(?!" + RESUME_HEADERS + "$)(Camel|camel|org\\.apache\\.camel\\.).*";
        setOutFilterStartsWith((String[]) null);
        setOutFilterPattern(otherCamelHeaders);
        setInFilterStartsWith((String[]) null);
        setInFilterPattern(otherCamelHeaders);
    }
}
