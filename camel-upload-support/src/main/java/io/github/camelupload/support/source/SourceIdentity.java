package io.github.camelupload.support.source;

/**
 * What identifies a file body across processes: a changed size or modification time means a different file, whose
 * saved resume state must not be applied.
 */
public record SourceIdentity(String absolutePath, long size, long lastModifiedMillis) {

    /** A stable, single-line rendering used as input of the resume-state key. */
    public String fingerprint() {
        return absolutePath + '|' + size + '|' + lastModifiedMillis;
    }
}
