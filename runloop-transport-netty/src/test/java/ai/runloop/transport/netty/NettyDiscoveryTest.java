package ai.runloop.transport.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.api.internal.transport.TransportDiscovery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Discovery with the JDK and Netty transports on the module path. */
class NettyDiscoveryTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(TransportDiscovery.PROPERTY);
    }

    @Test
    void nettyOutranksTheJdkTransport() {
        assertEquals(NettyHttpTransportProvider.NAME, TransportDiscovery.fromServiceLoader().select(null).name());
    }

    @Test
    void theSystemPropertyPicksByName() {
        System.setProperty(TransportDiscovery.PROPERTY, "JDK");
        assertEquals("jdk", TransportDiscovery.fromServiceLoader().select(TransportDiscovery.requestedName()).name());
        System.setProperty(TransportDiscovery.PROPERTY, "netty");
        assertEquals("netty", TransportDiscovery.fromServiceLoader().select(TransportDiscovery.requestedName()).name());
    }

    @Test
    void anAbsentNameSaysWhatWasFound() {
        System.setProperty(TransportDiscovery.PROPERTY, "vertx");
        IllegalStateException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> TransportDiscovery.fromServiceLoader().select(TransportDiscovery.requestedName()));
        assertTrue(error.getMessage().contains("netty (priority 20)"), error.getMessage());
        assertTrue(error.getMessage().contains("ai.runloop:runloop-transport-vertx"), error.getMessage());
    }

    @Test
    void reportsWhetherNativeEpollIsUsed() {
        System.out.println("native epoll available: " + io.netty.channel.epoll.Epoll.isAvailable()
                + (io.netty.channel.epoll.Epoll.isAvailable() ? "" : " (" + io.netty.channel.epoll.Epoll.unavailabilityCause() + ")"));
    }
}
