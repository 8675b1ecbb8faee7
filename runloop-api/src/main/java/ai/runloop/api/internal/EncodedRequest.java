package ai.runloop.api.internal;

import ai.runloop.api.spi.RequestBody;
import java.net.URI;
import java.util.function.Supplier;

/**
 * A request ready to send, apart from the per-attempt headers.
 *
 * @param origin     the API's origin (scheme, host, port)
 * @param target     the request target: the base URL's path, the operation's path, the query
 * @param method     the HTTP verb
 * @param body       makes the body for one attempt
 * @param replayable whether the body can be made again for a retry
 * @param resourceId the first path argument, for messages (may be null)
 */
record EncodedRequest(URI origin, String target, String method, Supplier<RequestBody> body, boolean replayable, String resourceId) {
}
