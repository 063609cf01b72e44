package io.interleave.scenario;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The documented bounds of a value in a scenario file, checked while the file
 * is read: for an integer its range (so that a number too large for an
 * {@code int}, such as {@code 1e20}, is still reported against the field's own
 * range), for an array the most entries it may hold (checked before its
 * entries are, so a huge list is refused without building it). The records'
 * constructors check their values again; these bounds only let the reader say
 * so in the same words before a value exists.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
@interface Bounds {
    /** The smallest integer allowed. */
    long min() default Long.MIN_VALUE;

    /** The largest integer allowed, or the most entries of an array. */
    long max() default Long.MAX_VALUE;
}
