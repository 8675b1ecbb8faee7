/**
 * Immutable records for every request and response of the Runloop API, mapped to JSON with JSON-B.
 */
module ai.runloop.model {
    requires transitive jakarta.json.bind;
    requires transitive jakarta.json;

    exports ai.runloop.model.support;
}
