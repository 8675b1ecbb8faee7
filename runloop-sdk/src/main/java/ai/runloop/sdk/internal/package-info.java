/** Implementation of the object-oriented SDK; not exported, not API. */
package ai.runloop.sdk.internal;
