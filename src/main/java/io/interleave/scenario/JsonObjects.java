package io.interleave.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserSequence;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.SettableAnyProperty;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.AccessPattern;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How Jackson reads the objects of a scenario file: every record through
 * Jackson's own bean deserializer (the record's canonical constructor checks
 * the values), with the format's rules for a value that is not an object,
 * {@code null} or left out; the two families whose member is named by a field
 * ({@code "dist"} for a duration, {@code "pattern"} for arrivals, declared
 * with {@link Format#name()}); and the file itself,
 * whose {@code schema} is checked before anything else.
 */
final class JsonObjects {
    private JsonObjects() {
    }

    /** A record of the format: an object, never null, required unless it has a default. */
    static class Record extends DelegatingDeserializer {
        private static final long serialVersionUID = 1L;

        Record(JsonDeserializer<?> bean) {
            super(bean);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> bean) {
            return new Record(bean);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            // FIELD_NAME or END_OBJECT: the rest of an object whose discriminator was read first.
            if (!p.hasToken(JsonToken.START_OBJECT) && !p.hasToken(JsonToken.FIELD_NAME) && !p.hasToken(JsonToken.END_OBJECT)) {
                throw JsonRule.broken(p, "must be an object");
            }
            return _delegatee.deserialize(p, ctxt);
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            throw JsonRule.broken(ctxt.getParser(), "must not be null");
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) throws JsonMappingException {
            throw JsonRule.broken(ctxt.getParser(), "is required");
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.DYNAMIC;
        }
    }

    /**
     * A field the record does not have. Jackson collects such fields until
     * the record is built and reports them after any error of the fields it
     * knows; as the "any setter" of every record, this reports the first one
     * the moment it is read, so a misspelt field is named as such
     * ({@code sever: unknown field}, not {@code server: is required}).
     */
    static final class UnknownField extends SettableAnyProperty {
        private static final long serialVersionUID = 1L;

        UnknownField() {
            super(null, null, TypeFactory.unknownType(), null, new StdDeserializer<Object>(Object.class) {
                private static final long serialVersionUID = 1L;

                @Override
                public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                    throw JsonRule.broken(p, "unknown field");
                }
            }, null);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            throw JsonRule.broken(p, "unknown field");
        }

        @Override
        public void deserializeAndSet(JsonParser p, DeserializationContext ctxt, Object instance, String propName) throws IOException {
            deserialize(p, ctxt);
        }

        @Override
        protected void _set(Object instance, Object propName, Object value) {
            throw new IllegalStateException("unknown field " + propName);
        }

        @Override
        public SettableAnyProperty withValueDeserializer(JsonDeserializer<Object> deser) {
            return this;
        }

        @Override
        public void fixAccess(DeserializationConfig config) {
            // Nothing to make accessible: it sets nothing.
        }
    }

    /**
     * The whole file: an object whose {@code schema} is read first, wherever
     * it stands, so that a newer file says so rather than tripping over a
     * field this version lacks.
     */
    static final class File extends Record {
        private static final long serialVersionUID = 1L;

        File(JsonDeserializer<?> bean) {
            super(bean);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> bean) {
            return new File(bean);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken()) {
                throw JsonRule.broken(p, "must be an object");
            }
            TokenBuffer before = seek(p, ctxt, "schema");
            if (p.hasToken(JsonToken.VALUE_NULL)) {
                throw JsonRule.broken(p, "schema", "must not be null");
            }
            long schema;
            try {
                schema = JsonValues.integer(p, Long.MIN_VALUE, Long.MAX_VALUE);
            } catch (JsonRule e) {
                throw JsonRule.broken(p, "schema", e.rule());
            }
            if (schema != Scenario.SCHEMA) {
                throw JsonRule.broken(p, "schema", "unsupported version " + schema
                        + " (this program reads schema " + Scenario.SCHEMA + ")");
            }
            return _delegatee.deserialize(rest(p, before), ctxt);
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            throw JsonRule.broken(ctxt.getParser(), "must be an object");
        }
    }

    /**
     * A sealed family whose member is named by a field, as its
     * {@code @Format(name)} and its members' declare. The
     * field may stand anywhere in the object (fields before it are
     * buffered); the member's record reads the other fields.
     */
    static class Discriminated extends StdDeserializer<Object> {
        private static final long serialVersionUID = 1L;
        private final String property;
        private final Map<String, Class<?>> members = new LinkedHashMap<>();
        private final String notAnObject;

        Discriminated(Class<?> family, String notAnObject) {
            super(family);
            this.property = FormatAnnotations.familyField(family);
            members.putAll(FormatAnnotations.members(family));
            this.notAnObject = notAnObject;
        }

        /** A value that is not an object; by default a broken rule. */
        Object fromScalar(JsonParser p, DeserializationContext ctxt) throws IOException {
            throw JsonRule.broken(p, notAnObject);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken()) {
                return fromScalar(p, ctxt);
            }
            TokenBuffer before = seek(p, ctxt, property);
            if (p.hasToken(JsonToken.VALUE_NULL)) {
                throw JsonRule.broken(p, property, "must not be null");
            }
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw JsonRule.broken(p, property, "must be a string");
            }
            Class<?> member = members.get(p.getText());
            if (member == null) {
                throw JsonRule.broken(p, property, "must be one of " + String.join(", ", members.keySet())
                        + ", was \"" + p.getText() + "\"");
            }
            JsonDeserializer<Object> record = ctxt.findContextualValueDeserializer(ctxt.constructType(member), null);
            return record.deserialize(rest(p, before), ctxt);
        }

        /** The family's own reading replaces Jackson's polymorphic handling. */
        @Override
        public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer) throws IOException {
            return deserialize(p, ctxt);
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            throw JsonRule.broken(ctxt.getParser(), "must not be null");
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) throws JsonMappingException {
            throw JsonRule.broken(ctxt.getParser(), "is required");
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.DYNAMIC;
        }
    }

    /**
     * The arrivals: left out, they are {@link Arrivals.Explicit#NONE}, which
     * the scenario accepts only when it has tasks.
     */
    static final class ArrivalsReader extends Discriminated {
        private static final long serialVersionUID = 1L;

        ArrivalsReader() {
            super(Arrivals.class, "must be an object");
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return Arrivals.Explicit.NONE;
        }
    }

    /**
     * A duration: a plain number is a constant, otherwise an object named by
     * {@code dist}. Left out it is required, unless the field says
     * {@code @Format(orElse = "null")}: then it is null and the record decides
     * (a segment's or a step's {@code ms}, which a gather or a repeat has not).
     */
    static final class Durations extends Discriminated implements ContextualDeserializer {
        private static final long serialVersionUID = 1L;
        private final boolean leftOutIsNull;

        Durations() {
            this(false);
        }

        private Durations(boolean leftOutIsNull) {
            super(Distribution.class, "must be a number or a distribution object such as {\"dist\": \"exponential\", \"mean\": 50}");
            this.leftOutIsNull = leftOutIsNull;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            boolean orNull = property != null && "null".equals(property.getMetadata().getDefaultValue());
            return orNull == leftOutIsNull ? this : new Durations(orNull);
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) throws JsonMappingException {
            return leftOutIsNull ? null : super.getAbsentValue(ctxt);
        }

        @Override
        Object fromScalar(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isNumeric()) {
                return super.fromScalar(p, ctxt);
            }
            double value = JsonValues.number(p);
            try {
                return new Distribution.Constant(value);
            } catch (IllegalArgumentException e) {
                // "value: must be >= 0, was -1" belongs to the number itself here.
                String m = e.getMessage();
                throw JsonRule.broken(p, m.substring(m.indexOf(':') + 2));
            }
        }
    }

    /**
     * Reads the fields of the object at {@code p} up to {@code name} and
     * leaves {@code p} at that field's value.
     *
     * @return the fields before it, or null if it came first
     */
    private static TokenBuffer seek(JsonParser p, DeserializationContext ctxt, String name) throws IOException {
        TokenBuffer before = null;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals(name)) {
                return before;
            }
            if (before == null) {
                before = ctxt.bufferForInputBuffering(p);
            }
            before.writeFieldName(field);
            before.copyCurrentStructure(p);
        }
        throw JsonRule.broken(p, name, "is required");
    }

    /** The rest of the object after {@link #seek}: the buffered fields, then those after the sought one. */
    private static JsonParser rest(JsonParser p, TokenBuffer before) throws IOException {
        if (before == null) {
            p.nextToken();
            return p;
        }
        p.clearCurrentToken();
        JsonParser all = JsonParserSequence.createFlattened(false, before.asParser(p), p);
        all.nextToken();
        return all;
    }
}
