package kr.civilportal.common.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A JSON string the database could not keep (see {@link StorableText}). A {@link InvalidFormatException}, so
 * Jackson adds the property path on its way out and the problem mappers answer a field error naming it. The
 * message never quotes the value: it may be personal data and the message may be logged.
 */
public class UnstorableTextException extends InvalidFormatException {

    UnstorableTextException(JsonParser parser) {
        super(parser, StorableText.DETAIL, null, String.class);
    }
}
