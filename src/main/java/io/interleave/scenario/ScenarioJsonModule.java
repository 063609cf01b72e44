package io.interleave.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The Jackson module of the scenario format: the readers of
 * {@link JsonValues} and {@link JsonObjects} for the types the records use,
 * and writers for the optional values (an empty one is {@code null}, or left
 * out where the record says {@code @JsonInclude(NON_EMPTY)}) and for a
 * constant duration (a plain number).
 */
final class ScenarioJsonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    ScenarioJsonModule() {
        super("interleave-scenario");
        addSerializer(new OptionalWriter());
        addSerializer(new OptionalIntWriter());
        addSerializer(new OptionalDoubleWriter());
        addSerializer(new ConstantWriter());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new Readers());
        context.addBeanDeserializerModifier(new RecordReaders());
        context.addBeanSerializerModifier(new CodeJson());
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

        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription beanDesc, BeanDeserializerBuilder builder) {
            if (beanDesc.getBeanClass().isRecord() && ofTheFormat(beanDesc.getBeanClass())) {
                builder.setAnySetter(new JsonObjects.UnknownField());
            }
            return builder;
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
