package ai.runloop.transport.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.api.internal.transport.TransportDiscovery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Discovery with the JDK and Vert.x transports on the module path. */
class VertxDiscoveryTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(TransportDiscovery.PROPERTY);
    }

    @Test
    void vertxOutranksTheJdkTransport() {
        assertEquals(VertxHttpTransportProvider.NAME, TransportDiscovery.fromServiceLoader().select(null).name());
    }

    @Test
    void theSystemPropertyPicksByName() {
        System.setProperty(TransportDiscovery.PROPERTY, "jdk");
        assertEquals("jdk", TransportDiscovery.fromServiceLoader().select(TransportDiscovery.requestedName()).name());
        System.setProperty(TransportDiscovery.PROPERTY, "Vertx");
        assertEquals("vertx", TransportDiscovery.fromServiceLoader().select(TransportDiscovery.requestedName()).name());
    }

    @Test
    void anAbsentNameSaysWhatWasFound() {
        System.setProperty(TransportDiscovery.PROPERTY, "netty");
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> TransportDiscovery.fromServiceLoader().select(TransportDiscovery.requestedName()));
        assertTrue(error.getMessage().contains("vertx (priority 10)"), error.getMessage());
        assertTrue(error.getMessage().contains("ai.runloop:runloop-transport-netty"), error.getMessage());
    }
}
