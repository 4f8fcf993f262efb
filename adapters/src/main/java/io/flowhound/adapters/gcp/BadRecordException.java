package io.flowhound.adapters.gcp;

/**
 * A LogEntry line that is valid JSON but not a record we can read (a value of the wrong type, a
 * missing connection, an unknown reporter). Becomes a {@link io.flowhound.adapters.ParseError};
 * it carries no stack trace because it is an expected outcome of reading, not a bug.
 */
final class BadRecordException extends Exception {

    BadRecordException(String message) {
        super(message, null, false, false);
    }
}
