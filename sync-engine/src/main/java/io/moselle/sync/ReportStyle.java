package io.moselle.sync;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * Immutables style of the engine's reports: generated classes stay package-private behind the
 * abstract types, builders are reached through {@code X.builder()}, and only JDK collections
 * are used. A report gains figures without breaking a caller: its fields are read through
 * accessors, absent ones as {@code Optional}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
        overshadowImplementation = true,
        jdkOnly = true,
        defaults = @Value.Immutable(copy = false))
@interface ReportStyle {}
