package ai.runloop.api;

import ai.runloop.api.internal.Uuid7;

/** Client-made identifiers the API expects. */
public final class Ids {
    private Ids() {
    }

    /**
     * A new {@code command_id} for {@code devboxes().execute(...)}: a UUIDv7, as the official clients
     * make. Reuse the same id to retry the same command; the server runs it once.
     *
     * @return a UUIDv7 string
     */
    public static String newCommandId() {
        return Uuid7.next();
    }
}
