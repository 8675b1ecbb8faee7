/**
 * The implementation of the JDK transport on {@code java.net.http.HttpClient}; not exported.
 */
package ai.runloop.transport.jdk.internal;
