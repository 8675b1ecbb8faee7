/**
 * The exceptions of the Runloop SDK, all under {@link ai.runloop.api.errors.RunloopException}:
 * connection and timeout failures, {@link ai.runloop.api.errors.ApiStatusException} with one subclass per
 * status the API uses, unreadable responses, and polling timeouts.
 */
package ai.runloop.api.errors;
