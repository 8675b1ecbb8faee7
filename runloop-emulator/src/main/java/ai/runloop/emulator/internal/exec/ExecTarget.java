package ai.runloop.emulator.internal.exec;

import java.nio.file.Path;
import java.util.Map;

/** What an execution needs from its devbox. */
public interface ExecTarget {
    /** @return devbox id */
    String id();

    /** @return the devbox's home folder, the working directory of new commands */
    Path home();

    /** @return environment of new commands (variables and secrets of the devbox) */
    Map<String, String> environment();

    /**
     * Records a log line of the devbox.
     *
     * @param source log source (exec, setup_commands, ...)
     * @param execution the execution or null
     * @param message the line
     */
    void log(String source, Execution execution, String message);
}
