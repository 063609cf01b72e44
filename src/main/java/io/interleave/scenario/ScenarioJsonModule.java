package io.interleave.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The Jackson module of the scenario format: the readers of
 * {@link JsonValues} and {@link JsonObjects} for the types the records use,
 * what the records' {@link Format} annotations say ({@link FormatAnnotations};
 * a field marked {@code omitIfLeftOut} is written only when it differs from
 * its value when left out), and writers for the optional values (an empty
 * one is {@code null}), for a constant duration (a plain number) and for a
 * segment (only the fields its kind uses).
 */
final class ScenarioJsonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    ScenarioJsonModule() {
        super("interleave-scenario");
        addSerializer(new OptionalWriter());
        addSerializer(new OptionalIntWriter());
        addSerializer(new OptionalDoubleWriter());
        addSerializer(new ConstantWriter());
        addSerializer(Segment.class, new GatherJson.SegmentWriter());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new Readers());
        context.addBeanDeserializerModifier(new RecordReaders());
        context.addBeanSerializerModifier(new CodeJson());
        context.insertAnnotationIntrospector(new FormatAnnotations());
        context.addBeanSerializerModifier(new UnlessLeftOut.Modifier(context.getOwner()));
    }

    private static boolean ofTheFormat(Class<?> type) {
        return type.getPackage() == Scenario.class.getPackage();
    }

    private static final class Readers extends Deserializers.Base {
        @Override
        public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
            Class<?> raw = type.getRawClass();
            if (raw == String.class) {
                return JsonValues.ScalarValue.text();
            }
            if (raw == int.class || raw == Integer.class) {
                return JsonValues.ScalarValue.integer();
            }
            if (raw == boolean.class || raw == Boolean.class) {
                return JsonValues.ScalarValue.bool();
            }
            if (raw == long.class || raw == Long.class) {
                return JsonValues.ScalarValue.longInteger();
            }
            if (raw == double.class || raw == Double.class) {
                return JsonValues.ScalarValue.number();
            }
            if (raw == Optional.class || raw == OptionalInt.class || raw == OptionalDouble.class) {
                return new JsonValues.OptionalValue(type);
            }
            if (raw == Distribution.class) {
                return new JsonObjects.Durations();
            }
            if (raw == Arrivals.class) {
                return new JsonObjects.ArrivalsReader();
            }
            if (raw.isRecord() && ofTheFormat(raw)) {
                return new JsonObjects.RecordValue(type, config.getTypeFactory());
            }
            return null;
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config, BeanDescription beanDesc) {
            return ofTheFormat(type) ? new JsonValues.EnumValue((Class<? extends Enum<?>>) type) : null;
        }

        @Override
        public JsonDeserializer<?> findCollectionDeserializer(CollectionType type, DeserializationConfig config,
                BeanDescription beanDesc, TypeDeserializer elementTypeDeserializer, JsonDeserializer<?> elementDeserializer) {
            return type.hasRawClass(List.class) ? new JsonValues.ArrayValue(type) : null;
        }
    }

    private static final class RecordReaders extends BeanDeserializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
            Class<?> type = beanDesc.getBeanClass();
            if (type == Scenario.class) {
                return new JsonObjects.File(deserializer);
            }
            return type.isRecord() && ofTheFormat(type) ? new JsonObjects.Record(deserializer) : deserializer;
        }
    }

    /**
     * A field written only when it differs from the value it takes when left
     * out: that value is what the field's own reader gives for a missing
     * field (its {@link Format#orElse()}, an empty optional, no arrivals, a
     * null duration), found on first use, so that reading a written file
     * always gives back what was written.
     */
    private static final class UnlessLeftOut extends BeanPropertyWriter {
        private static final long serialVersionUID = 1L;
        /** The left-out value of a field that is required: nothing equals it. */
        private static final Object REQUIRED = new Object();
        private final transient ObjectMapper mapper;
        /** The left-out value in a one-element array, once known. */
        private transient volatile Object[] leftOut;

        UnlessLeftOut(BeanPropertyWriter base, ObjectMapper mapper) {
            super(base);
            this.mapper = mapper;
        }

        private Object leftOut() {
            Object[] known = leftOut;
            if (known == null) {
                DefaultDeserializationContext ctxt = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                        .createDummyInstance(mapper.getDeserializationConfig());
                Object value;
                try {
                    value = ctxt.findContextualValueDeserializer(getType(), this).getAbsentValue(ctxt);
                } catch (JsonMappingException e) {
                    value = REQUIRED;
                }
                known = new Object[] {value};
                leftOut = known;
            }
            return known[0];
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
            if (!Objects.equals(get(bean), leftOut())) {
                super.serializeAsField(bean, gen, prov);
            }
        }

        /** Wraps the fields that say {@code omitIfLeftOut}, or all of a record that says so. */
        private static final class Modifier extends BeanSerializerModifier {
            private static final long serialVersionUID = 1L;
            private final transient ObjectMapper mapper;

            Modifier(ObjectMapper mapper) {
                this.mapper = mapper;
            }

            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription beanDesc,
                                                             List<BeanPropertyWriter> properties) {
                if (!ofTheFormat(beanDesc.getBeanClass())) {
                    return properties;
                }
                Format record = beanDesc.getClassAnnotations().get(Format.class);
                boolean all = record != null && record.omitIfLeftOut();
                List<BeanPropertyWriter> out = new ArrayList<>(properties.size());
                for (BeanPropertyWriter p : properties) {
                    Format field = p.getAnnotation(Format.class);
                    out.add(all || field != null && field.omitIfLeftOut() ? new UnlessLeftOut(p, mapper) : p);
                }
                return out;
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static final class OptionalWriter extends StdSerializer<Optional> {
        private static final long serialVersionUID = 1L;

        OptionalWriter() {
            super(Optional.class);
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, Optional value) {
            return value == null || value.isEmpty();
        }

        @Override
        public void serialize(Optional value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isPresent()) {
                provider.defaultSerializeValue(value.get(), gen);
            } else {
                gen.writeNull();
            }
        }
    }

    private static final class OptionalIntWriter extends StdSerializer<OptionalInt> {
        private static final long serialVersionUID = 1L;

        OptionalIntWriter() {
            super(OptionalInt.class);
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, OptionalInt value) {
            return value == null || value.isEmpty();
        }

        @Override
        public void serialize(OptionalInt value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isPresent()) {
                gen.writeNumber(value.getAsInt());
            } else {
                gen.writeNull();
            }
        }
    }

    private static final class OptionalDoubleWriter extends StdSerializer<OptionalDouble> {
        private static final long serialVersionUID = 1L;

        OptionalDoubleWriter() {
            super(OptionalDouble.class);
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, OptionalDouble value) {
            return value == null || value.isEmpty();
        }

        @Override
        public void serialize(OptionalDouble value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isPresent()) {
                gen.writeNumber(value.getAsDouble());
            } else {
                gen.writeNull();
            }
        }
    }

    /** A constant duration is a plain number, without the {@code dist} field the other durations carry. */
    private static final class ConstantWriter extends StdSerializer<Distribution.Constant> {
        private static final long serialVersionUID = 1L;

        ConstantWriter() {
            super(Distribution.Constant.class);
        }

        @Override
        public void serialize(Distribution.Constant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(value.value());
        }

        @Override
        public void serializeWithType(Distribution.Constant value, JsonGenerator gen, SerializerProvider provider,
                TypeSerializer typeSer) throws IOException {
            serialize(value, gen, provider);
        }
    }
}
