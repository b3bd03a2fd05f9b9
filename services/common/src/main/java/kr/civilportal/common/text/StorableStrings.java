package kr.civilportal.common.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * Every JSON string a service reads, as a property, an array or map element, a map key or inside an untyped
 * value, is read by Jackson's own string reading and then refused if it cannot be stored ({@link StorableText}).
 * Registered by {@code StrictJson} on the one mapper each service uses.
 */
public final class StorableStrings {

    private StorableStrings() {
    }

    public static SimpleModule module() {
        return new SimpleModule("storable-strings")
                .addDeserializer(String.class, new Values())
                .addKeyDeserializer(String.class, new Keys());
    }

    /**
     * Not marked as Jackson's standard implementation on purpose: collection, array and untyped readers use a
     * custom string reader only when it is not the standard one, and that is how they come to check too.
     */
    static final class Values extends StdScalarDeserializer<String> {

        Values() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (!StorableText.isStorable(value)) {
                throw new UnstorableTextException(parser);
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }
    }

    static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (!StorableText.isStorable(key)) {
                throw new UnstorableTextException(context.getParser());
            }
            return key;
        }
    }
}
