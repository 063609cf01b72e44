package io.interleave.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.util.AccessPattern;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.StringJoiner;

/**
 * How Jackson reads the values of a scenario file: strings, integers,
 * numbers, names of enum constants, optional values and arrays, each with the
 * rule a file breaks in the project's own words ({@code must be an integer,
 * was 1.5}) rather than Jackson's, and without Jackson's lenient coercions
 * (no {@code "4"} for 4, no {@code 1.5} truncated to 1).
 *
 * <p>The records declare the rest: a field with
 * {@code @Format(orElse = JSON)} takes that value when it is left
 * out; an {@code Optional} is empty when left out; any other field left out
 * {@code is required}. {@code null} is refused ({@code must not be null})
 * unless the field says {@code @Format(nullIsNone = true)} (null =
 * none), except inside a nested optional such as a variant's
 * {@code Optional<OptionalInt> queueLimit}, where {@code null} is "present:
 * none" and leaving the field out is "as the scenario". {@link Bounds} gives
 * an integer's range and an array's most entries.
 */
final class JsonValues {
    private static final JsonFactory DEFAULTS = new JsonFactory();

    private JsonValues() {
    }

    // ---------------------------------------------------------------- the rules of single values

    static String text(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw JsonRule.broken(p, "must be a string");
        }
        return p.getText();
    }

    static double number(JsonParser p) throws IOException {
        if (!p.currentToken().isNumeric()) {
            throw JsonRule.broken(p, "must be a number");
        }
        double v = p.getDoubleValue();
        if (!Double.isFinite(v)) {
            throw JsonRule.broken(p, "must be a finite number");
        }
        return v;
    }

    /**
     * An integer in {@code [min, max]}. A number counts as an integer when its
     * exact decimal value is, however it is written ({@code 4}, {@code 4.0},
     * {@code 1e4}, as JSON Schema's {@code integer} has it); the value is
     * taken exactly from the text, never through a rounded double, and every
     * message shows the number as it was written ({@code was 1e30}).
     */
    static long integer(JsonParser p, long min, long max) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw JsonRule.broken(p, "must be an integer");
        }
        String written = p.getText();
        BigDecimal exact;
        try {
            exact = new BigDecimal(written);
        } catch (NumberFormatException e) {
            // an exponent beyond what a decimal holds, such as 1e9999999999
            throw JsonRule.broken(p, "must be an integer between " + min + " and " + max + ", was " + written);
        }
        if (!whole(exact)) {
            throw JsonRule.broken(p, "must be an integer, was " + written);
        }
        if (exact.compareTo(BigDecimal.valueOf(min)) < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw JsonRule.broken(p, "must be between " + min + " and " + max + ", was " + written);
        }
        return exact.longValueExact();
    }

    /** Whether a decimal has no fraction; cheap even for {@code 1e999999} (no digits are expanded). */
    private static boolean whole(BigDecimal d) {
        return d.signum() == 0 || d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0;
    }

    // ---------------------------------------------------------------- deserializers

    /**
     * A value of one field: what it is when left out (its default, or "is
     * required") and when {@code null} ("must not be null"). Each property
     * gets its own copy, made by {@link #createContextual}.
     */
    abstract static class Value extends StdDeserializer<Object> implements ContextualDeserializer {
        private static final long serialVersionUID = 1L;
        /** The property's {@link Bounds}, or null. */
        protected Bounds bounds;
        /** The value when the field is left out; null if it is required. */
        private Object absent;

        Value(Class<?> type) {
            super(type);
        }

        Value(JavaType type) {
            super(type);
        }

        /** A fresh copy to configure for one property. */
        abstract Value copy();

        /** Finds what this copy needs for {@code property}, such as the deserializer of its contents. */
        void contextualize(DeserializationContext ctxt, BeanProperty property) throws JsonMappingException {
        }

        /** The value when the field is left out and declares no default; null means "is required". */
        Object absentWithoutDefault() {
            return null;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) throws JsonMappingException {
            Value d = copy();
            if (property != null) {
                d.bounds = property.getAnnotation(Bounds.class);
            }
            d.contextualize(ctxt, property);
            d.absent = d.absentWithoutDefault();
            String json = property == null ? null : property.getMetadata().getDefaultValue();
            if (json != null) {
                try (JsonParser p = DEFAULTS.createParser(json)) {
                    p.nextToken();
                    d.absent = d.deserialize(p, ctxt);
                } catch (IOException e) {
                    throw new IllegalStateException("bad default " + json + " of " + property.getName(), e);
                }
            }
            return d;
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            throw JsonRule.broken(ctxt.getParser(), "must not be null");
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) throws JsonMappingException {
            if (absent == null) {
                throw JsonRule.broken(ctxt.getParser(), "is required");
            }
            return absent;
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.DYNAMIC;
        }

        @Override
        public AccessPattern getEmptyAccessPattern() {
            return AccessPattern.DYNAMIC;
        }

        long min(long otherwise) {
            return bounds == null ? otherwise : bounds.min();
        }

        long max(long otherwise) {
            return bounds == null ? otherwise : bounds.max();
        }
    }

    /** How a scalar is read: from the parser, within the property's bounds (see {@link Value#min}, {@link Value#max}). */
    @FunctionalInterface
    interface ScalarReader {
        Object read(JsonParser p, Value property) throws IOException;
    }

    /** A string, a number, an integer or a boolean, each read by one rule of this class. */
    static final class ScalarValue extends Value {
        private static final long serialVersionUID = 1L;
        private final transient ScalarReader reader;

        private ScalarValue(Class<?> type, ScalarReader reader) {
            super(type);
            this.reader = reader;
        }

        static ScalarValue text() {
            return new ScalarValue(String.class, (p, v) -> JsonValues.text(p));
        }

        static ScalarValue number() {
            return new ScalarValue(Double.class, (p, v) -> JsonValues.number(p));
        }

        static ScalarValue integer() {
            return new ScalarValue(Integer.class,
                    (p, v) -> (int) JsonValues.integer(p, v.min(Integer.MIN_VALUE), v.max(Integer.MAX_VALUE)));
        }

        static ScalarValue longInteger() {
            return new ScalarValue(Long.class, (p, v) -> JsonValues.integer(p, v.min(Long.MIN_VALUE), v.max(Long.MAX_VALUE)));
        }

        /** {@code true} or {@code false}, nothing else (no 0/1, no "true"). */
        static ScalarValue bool() {
            return new ScalarValue(Boolean.class, (p, v) -> {
                if (!p.currentToken().isBoolean()) {
                    throw JsonRule.broken(p, "must be true or false");
                }
                return p.getBooleanValue();
            });
        }

        @Override
        Value copy() {
            return new ScalarValue(handledType(), reader);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return reader.read(p, this);
        }
    }

    /** An enum constant named by its {@code toString()}, e.g. {@code "event-loop"}. */
    static final class EnumValue extends Value {
        private static final long serialVersionUID = 1L;
        private final Class<? extends Enum<?>> type;

        EnumValue(Class<? extends Enum<?>> type) {
            super(type);
            this.type = type;
        }

        @Override
        Value copy() {
            return new EnumValue(type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String name = text(p);
            Enum<?>[] constants = type.getEnumConstants();
            for (Enum<?> c : constants) {
                if (c.toString().equals(name)) {
                    return c;
                }
            }
            throw JsonRule.broken(p, "must be " + choices(constants) + ", was \"" + name + "\"");
        }

        /** {@code "a" or "b"}, {@code "a", "b" or "c"}. */
        private static String choices(Enum<?>[] constants) {
            StringJoiner all = new StringJoiner(", ");
            for (int i = 0; i < constants.length - 1; i++) {
                all.add("\"" + constants[i] + "\"");
            }
            return all + " or \"" + constants[constants.length - 1] + "\"";
        }
    }

    /**
     * {@code Optional<T>}, {@code OptionalInt} and {@code OptionalDouble}:
     * empty when left out; a present value is read by the contents' own
     * deserializer (with this property's bounds).
     */
    static final class OptionalValue extends Value {
        private static final long serialVersionUID = 1L;
        private final JavaType type;
        private transient JsonDeserializer<Object> contents;

        OptionalValue(JavaType type) {
            super(type);
            this.type = type;
        }

        @Override
        Value copy() {
            return new OptionalValue(type);
        }

        @Override
        void contextualize(DeserializationContext ctxt, BeanProperty property) throws JsonMappingException {
            contents = ctxt.findContextualValueDeserializer(contentType(ctxt), property);
        }

        private JavaType contentType(DeserializationContext ctxt) {
            if (type.hasRawClass(OptionalInt.class)) {
                return ctxt.constructType(int.class);
            }
            if (type.hasRawClass(OptionalDouble.class)) {
                return ctxt.constructType(double.class);
            }
            return type.containedTypeOrUnknown(0);
        }

        private Object of(Object value) {
            if (type.hasRawClass(OptionalInt.class)) {
                return OptionalInt.of((Integer) value);
            }
            if (type.hasRawClass(OptionalDouble.class)) {
                return OptionalDouble.of((Double) value);
            }
            return Optional.of(value);
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            if (type.hasRawClass(OptionalInt.class)) {
                return OptionalInt.empty();
            }
            if (type.hasRawClass(OptionalDouble.class)) {
                return OptionalDouble.empty();
            }
            return Optional.empty();
        }

        @Override
        Object absentWithoutDefault() {
            return getEmptyValue(null);
        }

        /** {@code null} is refused, except in an optional of an optional, where it is "present: none". */
        @Override
        public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            if (contents instanceof OptionalValue inner) {
                return Optional.of(inner.getEmptyValue(ctxt));
            }
            return super.getNullValue(ctxt);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return getNullValue(ctxt);
            }
            return of(contents.deserialize(p, ctxt));
        }
    }

    /** A JSON array of objects, at most {@link Bounds#max()} of them. */
    static final class ArrayValue extends Value {
        private static final long serialVersionUID = 1L;
        private final JavaType type;
        /**
         * How an entry is read, found when the first entry of this property is read:
         * a file without resources or variants never pays for introspecting those
         * records (a tenth of the reader's start-up). Two threads reading at once may
         * both look it up; they find the same reader.
         */
        private transient volatile JsonDeserializer<Object> entry;
        private transient BeanProperty property;

        ArrayValue(JavaType type) {
            super(type);
            this.type = type;
        }

        @Override
        Value copy() {
            return new ArrayValue(type);
        }

        @Override
        void contextualize(DeserializationContext ctxt, BeanProperty property) {
            this.property = property;
        }

        private JsonDeserializer<Object> entry(DeserializationContext ctxt) throws JsonMappingException {
            JsonDeserializer<Object> found = entry;
            if (found == null) {
                found = ctxt.findContextualValueDeserializer(type.getContentType(), property);
                entry = found;
            }
            return found;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartArrayToken()) {
                throw JsonRule.broken(p, "must be an array");
            }
            long max = max(Integer.MAX_VALUE);
            JsonDeserializer<Object> entry = null;
            List<Object> out = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (out.size() == max) {
                    throw tooMany(p, max);
                }
                if (t == JsonToken.VALUE_NULL) {
                    JsonRule e = JsonRule.broken(p, "must be an object");
                    e.prependPath(out, out.size());
                    throw e;
                }
                try {
                    if (entry == null) {
                        entry = entry(ctxt);
                    }
                    out.add(entry.deserialize(p, ctxt));
                } catch (IOException | RuntimeException e) {
                    throw JsonMappingException.wrapWithPath(e, out, out.size());
                }
            }
            return out;
        }

        /** Counts the rest of the entries, for the message. */
        private static JsonRule tooMany(JsonParser p, long max) throws IOException {
            long count = max;
            do {
                p.skipChildren();
                count++;
            } while (p.nextToken() != JsonToken.END_ARRAY);
            return JsonRule.broken(p, "at most " + max + " entries allowed, was " + count);
        }
    }

}
