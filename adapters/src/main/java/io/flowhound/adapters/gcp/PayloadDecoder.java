package io.flowhound.adapters.gcp;

import com.fasterxml.jackson.core.JsonParser;
import io.flowhound.proto.Flow;
import java.io.IOException;

/** Turns the {@code jsonPayload} of one kind of GCP log entry into the fields of a {@link Flow}. */
interface PayloadDecoder {

    /** Forgets everything of the previous entry; called before each entry is read. */
    void begin();

    /** Reads the payload, the parser on its {@code START_OBJECT}, up to its {@code END_OBJECT}. */
    void payload(JsonParser json, Flow.Builder flow) throws IOException, BadRecordException;

    /** Sets the fields that need the whole entry (payload and envelope), once it has been read. */
    void complete(LogEntryEnvelope entry, Flow.Builder flow) throws IOException, BadRecordException;

    /**
     * When reading the entry failed: an error in a part of the payload the decoder noted but has
     * not read yet that comes before the failure, or null. Lets a decoder read blocks late and
     * still report the first problem of the line.
     */
    default BadRecordException firstError() {
        return null;
    }
}
