package dev.ofastudio.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class outside {@code dev.ofastudio.engine.cli} that may write to {@code System.out} /
 * {@code System.err}: a benchmark or harness {@code main}, never library code. The architecture
 * test checks every other class.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AllowedToUseStandardStreams {
    /** Why this class prints. */
    String value();
}
