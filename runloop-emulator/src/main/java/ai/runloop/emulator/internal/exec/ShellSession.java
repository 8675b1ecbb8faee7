package ai.runloop.emulator.internal.exec;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A named persistent shell of a devbox. Each command runs in a fresh {@code /bin/sh} started in the
 * shell's saved directory with its saved exported environment; when the command ends, the new
 * directory and environment are saved for the next command. Commands of one shell run one at a time.
 * Only exported variables carry over (plain shell variables and functions do not).
 */
final class ShellSession {
    final String name;
    Path cwd;
    final Map<String, String> env;
    final Deque<Runnable> queue = new ArrayDeque<>();
    boolean busy;

    ShellSession(String name, Path cwd, Map<String, String> env) {
        this.name = name;
        this.cwd = cwd;
        this.env = new HashMap<>(env);
    }

    /**
     * The script run by {@code /bin/sh -c}: it takes the command from {@code __RL_CMD}, and on exit
     * writes the working directory and the environment to files named by {@code __RL_STATE}.
     */
    static final String SCRIPT = String.join("\n",
            "__rl_state=$__RL_STATE",
            "__rl_cmd=$__RL_CMD",
            "unset __RL_STATE __RL_CMD",
            "__rl_save() { __rl_rc=$?; pwd > \"$__rl_state.cwd\"; env -0 > \"$__rl_state.env\"; exit $__rl_rc; }",
            "trap __rl_save EXIT",
            "eval \"$__rl_cmd\"");
}
