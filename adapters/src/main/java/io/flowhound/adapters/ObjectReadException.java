package io.flowhound.adapters;

import java.io.IOException;

/** An object could not be read to its end: corrupt compression, a vanished file, a shortened file. */
public final class ObjectReadException extends IOException {

    private final String objectKey;

    public ObjectReadException(String objectKey, String reason, Throwable cause) {
        super(reason, cause);
        this.objectKey = objectKey;
    }

    public String objectKey() {
        return objectKey;
    }

    /** The reason as a sentence, with the underlying error's message where there is one. */
    public String reason() {
        Throwable cause = getCause();
        return cause == null || cause.getMessage() == null ? getMessage() : getMessage() + ": " + cause.getMessage();
    }
}
