package kr.civilportal.common.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import kr.civilportal.common.text.StorableStrings;

/**
 * Jackson's defaults quietly accept input a citizen did not mean: {@code "kind": 0} becomes the first enum
 * constant and {@code "pages": 58.9} becomes 58. Both are refused here, so they reach the client as field
 * errors (400 validation-failed) instead of being stored as something else. Text the database cannot keep
 * (a NUL) is refused the same way, see {@link StorableStrings}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.registerModule(StorableStrings.module());
    }
}
