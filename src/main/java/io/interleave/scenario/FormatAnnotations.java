package io.interleave.scenario;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.TypeResolverBuilder;
import com.fasterxml.jackson.databind.jsontype.impl.StdTypeResolverBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells Jackson what {@link Format} says: a field's name, its value when left
 * out (as the property's default value, which the readers of
 * {@link JsonValues} and {@link JsonObjects} take), {@code null} as "none",
 * the order of the fields written first, and the two families whose member
 * a field names ({@code "dist"}, {@code "pattern"}). Inserted ahead of Jackson's own
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

    private static boolean ofTheFormat(Class<?> type) {
        return type.getPackage() == Format.class.getPackage();
    }

    /** The field that names the member of a family ({@code "dist"}), or null if {@code type} is no family. */
    static String familyField(Class<?> type) {
        if (!ofTheFormat(type) || !type.isInterface()) {
            return null; // cheap answers first: Jackson asks about every type it meets (String, List, ...)
        }
        Format f = type.isSealed() ? type.getAnnotation(Format.class) : null;
        return f == null || f.name().isEmpty() ? null : f.name();
    }

    /** The members of a family by their names, in order of declaration. */
    static Map<String, Class<?>> members(Class<?> family) {
        Map<String, Class<?>> members = new LinkedHashMap<>();
        for (Class<?> member : family.getPermittedSubclasses()) {
            members.put(member.getAnnotation(Format.class).name(), member);
        }
        return members;
    }

    /**
     * The family's field for a family or one of its members (a member written
     * on its own, as a segment's {@code ms} is, still says which it is).
     */
    @Override
    public TypeResolverBuilder<?> findTypeResolver(MapperConfig<?> config, AnnotatedClass ac, JavaType baseType) {
        Class<?> type = ac.getRawType();
        if (!ofTheFormat(type)) {
            return null;
        }
        String field = familyField(type);
        for (Class<?> family : type.getInterfaces()) {
            if (field == null) {
                field = familyField(family);
            }
        }
        return field == null ? null : new StdTypeResolverBuilder(JsonTypeInfo.Value.construct(
                JsonTypeInfo.Id.NAME, JsonTypeInfo.As.PROPERTY, field, null, false, null));
    }

    @Override
    public List<NamedType> findSubtypes(Annotated a) {
        if (!(a instanceof AnnotatedClass ac) || familyField(ac.getRawType()) == null) {
            return null;
        }
        List<NamedType> named = new ArrayList<>();
        members(ac.getRawType()).forEach((name, member) -> named.add(new NamedType(member, name)));
        return named;
    }

    @Override
    public String findTypeName(AnnotatedClass ac) {
        Class<?> type = ac.getRawType();
        if (!ofTheFormat(type)) {
            return null;
        }
        for (Class<?> family : type.getInterfaces()) {
            if (familyField(family) != null) {
                return type.getAnnotation(Format.class).name();
            }
        }
        return null;
    }

    @Override
    public String[] findSerializationPropertyOrder(AnnotatedClass ac) {
        Format f = ac.getAnnotation(Format.class);
        return f == null || f.order().length == 0 ? null : f.order();
    }
}
