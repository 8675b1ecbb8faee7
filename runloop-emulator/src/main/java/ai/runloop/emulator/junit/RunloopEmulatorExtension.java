package ai.runloop.emulator.junit;

import ai.runloop.emulator.RunloopEmulator;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link RunloopEmulator} per test class and stops it after the class. Test constructors,
 * lifecycle methods and test methods can take a {@link RunloopEmulator}, a {@link URI} (its base URL),
 * or {@code String}s annotated {@link EmulatorUrl} / {@link EmulatorToken}. Use it through
 * {@link RunloopEmulatorTest} or {@code @ExtendWith(RunloopEmulatorExtension.class)}.
 *
 * <p>Commands run as local processes: the emulator is not a security sandbox.
 */
public final class RunloopEmulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RunloopEmulatorExtension.class);

    /** Creates the extension (JUnit does this). */
    public RunloopEmulatorExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RunloopEmulator e = context.getStore(NS).remove(RunloopEmulator.class, RunloopEmulator.class);
        if (e != null) {
            e.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        Class<?> type = p.getParameter().getType();
        return type == RunloopEmulator.class || type == URI.class
                || (type == String.class && (p.isAnnotated(EmulatorUrl.class) || p.isAnnotated(EmulatorToken.class)));
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        RunloopEmulator emulator = emulator(e);
        Class<?> type = p.getParameter().getType();
        if (type == RunloopEmulator.class) {
            return emulator;
        }
        if (type == URI.class) {
            return emulator.baseUrl();
        }
        if (p.isAnnotated(EmulatorUrl.class)) {
            return emulator.baseUrl().toString();
        }
        if (p.isAnnotated(EmulatorToken.class)) {
            return emulator.token();
        }
        throw new ParameterResolutionException("cannot resolve " + p.getParameter());
    }

    private static RunloopEmulator emulator(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        Class<?> testClass = classContext.getRequiredTestClass();
        RunloopEmulatorTest config = testClass.getAnnotation(RunloopEmulatorTest.class);
        long delay = config == null ? 20 : config.statusDelayMillis();
        return classContext.getStore(NS).getOrComputeIfAbsent(RunloopEmulator.class,
                k -> RunloopEmulator.builder().statusDelay(Duration.ofMillis(delay)).build().start(), RunloopEmulator.class);
    }
}
