/**
 * Transport plumbing shared by the pipeline and the SPI types, not exported: provider discovery
 * ({@link ai.runloop.api.internal.transport.TransportDiscovery}) and helpers for response bodies.
 */
package ai.runloop.api.internal.transport;
