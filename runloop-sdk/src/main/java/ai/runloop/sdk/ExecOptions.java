package ai.runloop.sdk;

import ai.runloop.api.PollingConfig;
import java.util.function.Consumer;

/**
 * Options of one command: a named shell to run it in, whether stdin stays open, line callbacks and the
 * wait budget. Immutable; build with {@link #builder()}.
 *
 * <p><b>Callbacks run on transport threads</b> (the threads that read the output streams): keep them
 * cheap and never block in them. Each callback receives complete lines, in order, without the line
 * ending — a line split across network chunks is joined first, and the last line is delivered even
 * without a final newline. The {@code output} callback receives the lines of both streams; calls to it
 * never overlap, but the order between a stdout and a stderr line is not defined.
 *
 * <pre>{@code
 * devbox.cmd().exec("make test", ExecOptions.builder().stdout(System.out::println).stderr(System.err::println).build());
 * }</pre>
 */
public final class ExecOptions {
    private static final ExecOptions NONE = builder().build();

    private final String shellName;
    private final boolean attachStdin;
    private final Consumer<String> stdout;
    private final Consumer<String> stderr;
    private final Consumer<String> output;
    private final PollingConfig polling;

    private ExecOptions(Builder b) {
        this.shellName = b.shellName;
        this.attachStdin = b.attachStdin;
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.output = b.output;
        this.polling = b.polling;
    }

    /** @return no shell, no stdin, no callbacks, default polling */
    public static ExecOptions none() {
        return NONE;
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the persistent shell to run in, or null */
    public String shellName() {
        return shellName;
    }

    /** @return whether stdin stays open for {@code sendStdIn} */
    public boolean attachStdin() {
        return attachStdin;
    }

    /** @return the stdout line callback, or null */
    public Consumer<String> stdout() {
        return stdout;
    }

    /** @return the stderr line callback, or null */
    public Consumer<String> stderr() {
        return stderr;
    }

    /** @return the callback for lines of both streams, or null */
    public Consumer<String> output() {
        return output;
    }

    /** @return the wait budget, or null for the default */
    public PollingConfig polling() {
        return polling;
    }

    /** @return whether any line callback is set */
    public boolean streams() {
        return stdout != null || stderr != null || output != null;
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.shellName = shellName;
        b.attachStdin = attachStdin;
        b.stdout = stdout;
        b.stderr = stderr;
        b.output = output;
        b.polling = polling;
        return b;
    }

    /** Builds {@link ExecOptions}. */
    public static final class Builder {
        private String shellName;
        private boolean attachStdin;
        private Consumer<String> stdout;
        private Consumer<String> stderr;
        private Consumer<String> output;
        private PollingConfig polling;

        private Builder() {
        }

        /**
         * @param shellName a persistent shell: commands in the same shell share working directory and
         *                  exported variables
         * @return this builder
         */
        public Builder shellName(String shellName) {
            this.shellName = shellName;
            return this;
        }

        /**
         * @param attachStdin keep stdin open so {@link Execution#sendStdIn(String)} can write to it
         * @return this builder
         */
        public Builder attachStdin(boolean attachStdin) {
            this.attachStdin = attachStdin;
            return this;
        }

        /**
         * @param callback receives each stdout line, on a transport thread
         * @return this builder
         */
        public Builder stdout(Consumer<String> callback) {
            this.stdout = callback;
            return this;
        }

        /**
         * @param callback receives each stderr line, on a transport thread
         * @return this builder
         */
        public Builder stderr(Consumer<String> callback) {
            this.stderr = callback;
            return this;
        }

        /**
         * @param callback receives each line of stdout and stderr, on a transport thread
         * @return this builder
         */
        public Builder output(Consumer<String> callback) {
            this.output = callback;
            return this;
        }

        /**
         * @param polling how long to wait for the command to complete
         * @return this builder
         */
        public Builder polling(PollingConfig polling) {
            this.polling = polling;
            return this;
        }

        /** @return the options */
        public ExecOptions build() {
            return new ExecOptions(this);
        }
    }
}
