package io.interleave.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserSequence;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyMetadata;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.AccessPattern;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How Jackson reads the objects of a scenario file: every record through
 * {@link RecordValue} (the record's canonical constructor checks the
 * values), with the format's rules for a value that is not an object,
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
     * How a record of the format is read: its fields by their names in the
     * file, each through the reader Jackson finds for the component's type
     * (told the field's {@link Format} and {@link Bounds}), then the
     * record's canonical constructor, whose own checks ("mean: must be > 0")
     * Jackson reports as it would a bean's. It takes the place of Jackson's
     * bean deserializer, which for a record introspects every member, creator
     * and annotation of the class (and loads about 170 classes of its own to do
     * so): the reader a command starts with costs a tenth of a second less.
     *
     * <p>It keeps the bean deserializer's order of events, which the messages
     * depend on: fields in the order of the file, each error at its field's
     * path; an unknown field named as soon as it is met; once every field has
     * a value the record is built, and any field after that is unknown; at the
     * end, each field left out takes its reader's value for a missing field
     * (for {@link Format#nullIsNone()}, the empty value), else "is required".
     */
    static final class RecordValue extends StdDeserializer<Object> implements ResolvableDeserializer {
        private static final long serialVersionUID = 1L;
        private final transient Constructor<?> canonical;
        private final transient Field[] fields;
        private final Map<String, Integer> byName = new HashMap<>();
        private transient JsonDeserializer<Object>[] readers;

        RecordValue(JavaType type, TypeFactory types) {
            super(type);
            RecordComponent[] components = type.getRawClass().getRecordComponents();
            Class<?>[] raw = new Class<?>[components.length];
            fields = new Field[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                raw[i] = c.getType();
                Format f = c.getAnnotation(Format.class);
                String name = f == null || f.name().isEmpty() ? c.getName() : f.name();
                fields[i] = new Field(name, types.constructType(c.getGenericType()), c,
                        f == null || f.orElse().isEmpty() ? null : f.orElse(), f != null && f.nullIsNone());
                byName.put(name, i);
            }
            try {
                canonical = type.getRawClass().getDeclaredConstructor(raw);
                canonical.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record without its canonical constructor: " + type, e);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public void resolve(DeserializationContext ctxt) throws JsonMappingException {
            JsonDeserializer<Object>[] found = new JsonDeserializer[fields.length];
            for (int i = 0; i < fields.length; i++) {
                found[i] = ctxt.findContextualValueDeserializer(fields[i].getType(), fields[i]);
            }
            readers = found;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.START_OBJECT) {
                t = p.nextToken();
            }
            Object[] values = new Object[fields.length];
            boolean[] seen = new boolean[fields.length];
            int count = 0;
            Object built = null;
            for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                p.nextToken();
                Integer i = built == null ? byName.get(name) : null;
                if (i == null) {
                    throw atField(JsonRule.broken(p, "unknown field"), name);
                }
                values[i] = read(p, ctxt, i);
                seen[i] = true;
                if (++count == fields.length) {
                    built = build(p, values); // as Jackson's bean reader does; what follows can only be unknown
                }
            }
            if (built != null) {
                return built;
            }
            for (int i = 0; i < fields.length; i++) {
                if (!seen[i]) {
                    values[i] = absent(ctxt, i);
                }
            }
            return build(p, values);
        }

        private Object read(JsonParser p, DeserializationContext ctxt, int i) throws IOException {
            JsonDeserializer<Object> reader = readers[i];
            try {
                if (p.hasToken(JsonToken.VALUE_NULL)) {
                    return fields[i].nullIsNone ? reader.getEmptyValue(ctxt) : reader.getNullValue(ctxt);
                }
                return reader.deserialize(p, ctxt);
            } catch (JsonProcessingException | RuntimeException e) {
                throw atField(e, fields[i].getName());
            }
        }

        private Object absent(DeserializationContext ctxt, int i) throws IOException {
            JsonDeserializer<Object> reader = readers[i];
            try {
                Object empty = fields[i].nullIsNone ? reader.getEmptyValue(ctxt) : null;
                return empty != null ? empty : reader.getAbsentValue(ctxt);
            } catch (JsonMappingException e) {
                throw atField(e, fields[i].getName());
            }
        }

        private Object build(JsonParser p, Object[] values) throws IOException {
            try {
                return canonical.newInstance(values);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Error error) {
                    throw error;
                }
                throw ValueInstantiationException.from(p, "Cannot construct instance of `" + handledType().getName()
                        + "`, problem: " + cause.getMessage(), getValueType(), cause);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot call the constructor of " + handledType(), e);
            }
        }

        /** {@code e} at the path of this record's field {@code name}. */
        private JsonMappingException atField(Exception e, String name) {
            return JsonMappingException.wrapWithPath(e, handledType(), name);
        }

        /** A record's field as the readers of its values see it: its name, type, default and annotations. */
        private static final class Field extends BeanProperty.Std {
            private static final long serialVersionUID = 1L;
            private final transient RecordComponent component;
            private final boolean nullIsNone;

            Field(String name, JavaType type, RecordComponent component, String orElse, boolean nullIsNone) {
                super(PropertyName.construct(name), type, null, null,
                        PropertyMetadata.construct(null, null, null, orElse));
                this.component = component;
                this.nullIsNone = nullIsNone;
            }

            @Override
            public <A extends Annotation> A getAnnotation(Class<A> type) {
                return component.getAnnotation(type);
            }
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
