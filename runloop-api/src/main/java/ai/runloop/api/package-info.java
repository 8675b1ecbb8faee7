/**
 * The Runloop REST client: {@link ai.runloop.api.RunloopClient} and what its calls take and answer
 * (per-call {@link ai.runloop.api.RequestOptions}, {@link ai.runloop.api.RawResponse}, pagers, event
 * streams, binary downloads, {@link ai.runloop.api.PollingConfig}).
 */
package ai.runloop.api;
