package io.github.camelupload.contentisland;

/** What a {@code contentisland:} endpoint does. */
public enum ContentIslandOperation {

    /** Upload the message body as a resource. */
    upload
}
