/**
 * The JDK transport's provider, exported so that a transport can also be created and passed to a
 * client explicitly: {@code new JdkHttpTransportProvider().create(options)}.
 */
package ai.runloop.transport.jdk;
