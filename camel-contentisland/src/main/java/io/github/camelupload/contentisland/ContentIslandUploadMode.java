package io.github.camelupload.contentisland;

import java.util.Locale;

/** How a body travels to ContentIsland. */
public enum ContentIslandUploadMode {

    /** Simple when the size is at most {@code simpleUploadLimit}, chunked otherwise. */
    auto,
    /** One multipart request with a {@code file} part. */
    simple,
    /** One request per chunk ({@code X-Chunk-Upload: true}), resumable. */
    chunked;

    /** Reads a mode from an option or header value, case-insensitively; fails naming where the value came from. */
    public static ContentIslandUploadMode parse(String where, Object value) {
        if (value instanceof ContentIslandUploadMode mode) {
            return mode;
        }
        String text = value == null ? "" : value.toString().trim().toLowerCase(Locale.ROOT);
        for (ContentIslandUploadMode mode : values()) {
            if (mode.name().equals(text)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(
                "The " + where + " must be one of auto, simple or chunked, was '" + abbreviate(String.valueOf(value)) + "'");
    }

    private static String abbreviate(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
