package org.parley.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The CloudEvents {@code type} of an event record: {@code org.parley.<aggregate>.<what-happened>.v<n>}.
 * The version suffix is the schema version: a change that old consumers could not read is a new record
 * with a new suffix, published next to the old one for as long as consumers need it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    String value();
}
