package io.github.camelupload.support.source;

import java.io.IOException;

/** The upload would have to go back to bytes a one-shot stream has already handed out. */
public class UnseekableSourceException extends IOException {

    public UnseekableSourceException(String message) {
        super(message);
    }
}
