package io.interleave.scenario;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a record of the scenario format, or one of its fields, appears in a
 * file, beyond its name and type: the value a field left out takes, whether
 * {@code null} means "none", whether the writer leaves the field out when it
 * has that value, and the order of the fields written first.
 *
 * <p>{@link ScenarioJsonModule} reads this one annotation (and
 * {@link Bounds}) where the records would otherwise carry five of
 * Jackson's ({@code @JsonProperty}, {@code @JsonSetter},
 * {@code @JsonInclude}, {@code @JsonDeserialize},
 * {@code @JsonPropertyOrder}, and {@code @JsonTypeInfo} with
 * {@code @JsonSubTypes} for the two families): each annotation type the reader meets costs a
 * generated class at start-up, and with that many the JDK's class writer got
 * hot enough to be compiled by C2 on every run (see the README's design notes).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
@interface Format {
    /**
     * The field's name in files, when it is not the record component's (or
     * the method's, for a value only written). On a sealed interface whose
     * members a field names ({@code Distribution}, {@code Arrivals}): that
     * field, {@code "dist"} or {@code "pattern"}; on each member: its name
     * there, {@code "exponential"}. The members are the permitted subclasses,
     * in their order of declaration (which messages list).
     */
    String name() default "";

    /**
     * The value of a field left out, as JSON ({@code "1"}, {@code "\"fixed\""},
     * {@code "[]"}), read by the field's own reader; empty: none declared (an
     * optional value is then empty, anything else is required). {@code "null"},
     * for a duration only: left out it is null and the record's constructor
     * decides (a gather has no {@code ms}; the other kinds say it is required).
     */
    String orElse() default "";

    /** Whether {@code null} means "none" (an empty optional) rather than "must not be null". */
    boolean nullIsNone() default false;

    /**
     * Whether the writer leaves the field out when it holds the value it
     * takes when left out, so that reading the file gives it back. On a
     * record: every field that may be left out.
     */
    boolean omitIfLeftOut() default false;

    /** On a record: the fields written first, in this order (the others follow in the record's order). */
    String[] order() default {};
}
