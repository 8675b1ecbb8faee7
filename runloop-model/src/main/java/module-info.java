/**
 * Immutable records for every request and response of the Runloop API, mapped to JSON with JSON-B.
 * Packages follow the API's resources; {@code ai.runloop.model.support} holds the few hand-written
 * types the generated records share (open enums, unions, validation). The generated streaming readers
 * of the records live in {@code ai.runloop.model.internal.json}, exported to the REST client only.
 */
module ai.runloop.model {
    requires transitive jakarta.json.bind;
    requires transitive jakarta.json;

    exports ai.runloop.model.accounts;
    exports ai.runloop.model.agents;
    exports ai.runloop.model.axons;
    exports ai.runloop.model.benchmarks;
    exports ai.runloop.model.blueprints;
    exports ai.runloop.model.devboxes;
    exports ai.runloop.model.gatewayconfigs;
    exports ai.runloop.model.mcpconfigs;
    exports ai.runloop.model.networkpolicies;
    exports ai.runloop.model.objects;
    exports ai.runloop.model.pty;
    exports ai.runloop.model.scenarios;
    exports ai.runloop.model.secrets;
    exports ai.runloop.model.shared;
    exports ai.runloop.model.support;
    // Generated streaming readers of the records, for the REST client's JSON codec only.
    exports ai.runloop.model.internal.json to ai.runloop.api;
}
