package io.interleave.scenario;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;

/**
 * Tells Jackson what {@link Format} says: a field's name, its value when left
 * out (as the property's default value, which the readers of
 * {@link JsonValues} and {@link JsonObjects} take), {@code null} as "none" and
 * the order of the fields written first. Inserted ahead of Jackson's own
 * introspector, which still answers for everything else.
 */
final class FormatAnnotations extends NopAnnotationIntrospector {
    private static final long serialVersionUID = 1L;
    private static final JsonSetter.Value NULL_IS_NONE = JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY);

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public PropertyName findNameForSerialization(Annotated a) {
        return name(a);
    }

    @Override
    public PropertyName findNameForDeserialization(Annotated a) {
        return name(a);
    }

    private static PropertyName name(Annotated a) {
        Format f = a.getAnnotation(Format.class);
        return f == null || f.name().isEmpty() ? null : PropertyName.construct(f.name());
    }

    @Override
    public String findPropertyDefaultValue(Annotated a) {
        Format f = a.getAnnotation(Format.class);
        return f == null || f.orElse().isEmpty() ? null : f.orElse();
    }

    @Override
    public JsonSetter.Value findSetterInfo(Annotated a) {
        Format f = a.getAnnotation(Format.class);
        return f != null && f.nullIsNone() ? NULL_IS_NONE : null;
    }

    @Override
    public String[] findSerializationPropertyOrder(AnnotatedClass ac) {
        Format f = ac.getAnnotation(Format.class);
        return f == null || f.order().length == 0 ? null : f.order();
    }
}
