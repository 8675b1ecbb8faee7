package ai.runloop.api.internal.sse;

/**
 * One server-sent event.
 *
 * @param event the event type ({@code message} when the server named none)
 * @param data  the data lines joined with newlines
 * @param id    the last event id, or null
 */
public record SseEvent(String event, String data, String id) {
}
