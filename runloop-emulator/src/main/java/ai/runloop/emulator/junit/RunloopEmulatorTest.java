package ai.runloop.emulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against its own local emulator, started before the first test and
 * stopped after the last; see {@link RunloopEmulatorExtension} for what can be injected.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RunloopEmulatorExtension.class)
public @interface RunloopEmulatorTest {
    /** @return delay of each automatic status step, in milliseconds (small by default, for fast tests) */
    long statusDelayMillis() default 20;
}
