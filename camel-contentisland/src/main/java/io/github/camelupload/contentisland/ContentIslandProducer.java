package io.github.camelupload.contentisland;

import java.io.File;
import java.net.FileNameMap;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import io.github.camelupload.support.http.Inputs;
import io.github.camelupload.support.source.ChunkSource;
import io.github.camelupload.support.source.ChunkSources;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;
import org.apache.camel.support.DefaultProducer;
import org.apache.hc.core5.http.ContentType;

/**
 * Uploads the message body: resolves the file name, mode and content type from the headers and options, checks the
 * resume headers, and hands the body to the {@link ContentIslandUploader}. On success the body becomes the
 * {@link UploadedResource} and the state headers are removed; on failure they stay, so the exchange can resume.
 */
public class ContentIslandProducer extends DefaultProducer {

    private static final FileNameMap JDK_TYPES = URLConnection.getFileNameMap();
    /** Common web types the JDK's table does not know. */
    private static final Map<String, String> EXTRA_TYPES = Map.ofEntries(
            Map.entry("webp", "image/webp"), Map.entry("svg", "image/svg+xml"), Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"), Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("mov", "video/quicktime"), Map.entry("mp3", "audio/mpeg"), Map.entry("ogg", "audio/ogg"),
            Map.entry("wav", "audio/wav"), Map.entry("json", "application/json"), Map.entry("csv", "text/csv"),
            Map.entry("md", "text/markdown"), Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"));

    public ContentIslandProducer(ContentIslandEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public ContentIslandEndpoint getEndpoint() {
        return (ContentIslandEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        ContentIslandEndpoint endpoint = getEndpoint();
        Message message = exchange.getMessage();
        String fileName = fileName(message, endpoint.getConfiguration());
        ContentIslandUploadMode mode = message.getHeader(ContentIslandConstants.UPLOAD_MODE) != null
                ? ContentIslandUploadMode.parse("header " + ContentIslandConstants.UPLOAD_MODE,
                        message.getHeader(ContentIslandConstants.UPLOAD_MODE))
                : endpoint.getConfiguration().getUploadMode();
        ContentType contentType = contentType(message, fileName);
        UploadState headerState = UploadState.fromHeaders(message);
        String target = endpoint.getNormalizedBaseUrl() + "/" + fileName;

        UploadedResource resource;
        try (ChunkSource source = ChunkSources.withKnownLength(ChunkSources.fromBody(exchange), null)) {
            resource = endpoint.getUploader().upload(
                    new ContentIslandUploader.Job(source, fileName, contentType, mode, headerState,
                            UploadState.fromProperty(exchange), target, exchange));
        }
        UploadState.clear(exchange);
        message.setHeader(ContentIslandConstants.RESOURCE_NAME, resource.getName());
        message.setHeader(ContentIslandConstants.RESOURCE_URL, resource.getUrl());
        message.setBody(resource);
    }

    /**
     * The header, else the option, else the last segment of CamelFileName, else the name of a File or Path body.
     */
    static String fileName(Message message, ContentIslandConfiguration config) {
        String name = message.getHeader(ContentIslandConstants.FILE_NAME, String.class);
        String where = "header " + ContentIslandConstants.FILE_NAME;
        if (name == null || name.isBlank()) {
            name = config.getFileName();
            where = "option fileName";
        }
        if (name == null || name.isBlank()) {
            String path = message.getHeader(Exchange.FILE_NAME, String.class);
            if (path != null) {
                name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
                where = "header " + Exchange.FILE_NAME;
            }
        }
        if (name == null || name.isBlank()) {
            name = bodyFileName(message.getBody());
            where = "name of the body's file";
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("No file name for the upload: set the header " + ContentIslandConstants.FILE_NAME
                                               + " or the option fileName, or send a file (header " + Exchange.FILE_NAME + ")");
        }
        Inputs.requireNoControlCharacters(where, name);
        return name.strip();
    }

    /** The name of a File, Path or file-consumer body, else null. */
    private static String bodyFileName(Object body) {
        Object file = body instanceof WrappedFile<?> wrapped ? wrapped.getFile() : body;
        if (file instanceof File f) {
            return f.getName();
        }
        if (file instanceof Path p && p.getFileName() != null) {
            return p.getFileName().toString();
        }
        return null;
    }

    /** The exchange's Content-Type, else guessed from the file name, else application/octet-stream. */
    static ContentType contentType(Message message, String fileName) {
        String declared = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (declared != null && !declared.isBlank()) {
            Inputs.requireNoControlCharacters("header " + Exchange.CONTENT_TYPE, declared);
            ContentType parsed;
            try {
                parsed = ContentType.parse(declared);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("The header " + Exchange.CONTENT_TYPE + " is not a valid media type: "
                                                   + e.getMessage());
            }
            // a multipart type describes an incoming request (e.g. an HTTP form), not the file
            if (parsed != null && parsed.getMimeType().contains("/") && !parsed.getMimeType().startsWith("multipart/")) {
                return parsed;
            }
        }
        String guessed = JDK_TYPES.getContentTypeFor(fileName);
        if (guessed == null) {
            int dot = fileName.lastIndexOf('.');
            guessed = dot < 0 ? null : EXTRA_TYPES.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
        }
        return guessed != null ? ContentType.create(guessed) : ContentType.APPLICATION_OCTET_STREAM;
    }
}
