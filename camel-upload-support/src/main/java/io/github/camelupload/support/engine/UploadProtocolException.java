package io.github.camelupload.support.engine;

import java.io.IOException;

/** The server answered in a way the protocol does not allow, or made no progress; the upload cannot go on. */
public class UploadProtocolException extends IOException {

    public UploadProtocolException(String message) {
        super(message);
    }

    public UploadProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
