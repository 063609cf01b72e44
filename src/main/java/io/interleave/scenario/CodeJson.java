package io.interleave.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The writer's side of a request type given as code: such a type is saved
 * with its {@code code} and without its {@code segments}, so that the file
 * keeps what its author typed.
 */
final class CodeJson extends BeanSerializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription beanDesc,
                                                     List<BeanPropertyWriter> properties) {
        if (beanDesc.getBeanClass() != RequestType.class) {
            return properties;
        }
        List<BeanPropertyWriter> out = new ArrayList<>(properties.size());
        for (BeanPropertyWriter p : properties) {
            out.add(p.getName().equals("segments") ? new SegmentsUnlessCode(p) : p);
        }
        return out;
    }

    /** {@code segments}, left out when the type has code. */
    private static final class SegmentsUnlessCode extends BeanPropertyWriter {
        private static final long serialVersionUID = 1L;

        SegmentsUnlessCode(BeanPropertyWriter base) {
            super(base);
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
            if (bean instanceof RequestType t && t.code().isPresent()) {
                return;
            }
            super.serializeAsField(bean, gen, prov);
        }
    }
}
