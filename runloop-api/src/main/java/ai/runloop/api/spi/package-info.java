/**
 * The HTTP transport SPI: the small contract between the Runloop request pipeline and the library
 * that moves bytes over the wire (JDK {@code HttpClient}, Netty or Vert.x).
 *
 * <p>A transport knows nothing about Runloop: it sends one {@link ai.runloop.api.spi.HttpRequest}
 * and completes a future with one {@link ai.runloop.api.spi.HttpResponse}, whatever its status.
 * Authentication, retries, redirects and error mapping belong to the pipeline. A transport jar
 * declares an {@link ai.runloop.api.spi.HttpTransportProvider} with {@code provides} in its
 * {@code module-info.java} and in {@code META-INF/services/ai.runloop.api.spi.HttpTransportProvider}.
 *
 * <p>Every implementation must pass the transport TCK ({@code ai.runloop.api.spi.tck.HttpTransportTck}
 * in the {@code runloop-api} test-jar).
 */
package ai.runloop.api.spi;
