package ai.runloop.api.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.api.spi.HttpRequest;
import ai.runloop.api.spi.HttpResponse;
import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.HttpTransportProvider;
import ai.runloop.api.spi.TransportOptions;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.ServiceConfigurationError;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TransportDiscoveryTest {

    @Test
    void withNoProviderOnTheModulePathTheErrorNamesTheJdkArtifact() {
        // runloop-api's own tests have no transport module: the real ServiceLoader finds nothing.
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> TransportDiscovery.fromServiceLoader().select(null));
        assertTrue(error.getMessage().contains("ai.runloop:runloop-transport-jdk"), error.getMessage());
    }

    @Test
    void highestPriorityWinsWhenNoNameIsRequested() {
        TransportDiscovery discovery = discovery(new Fake("jdk", 0), new Fake("netty", 100), new Fake("vertx", 90));
        assertEquals("netty", discovery.select(null).name());
    }

    @Test
    void requestedNameWinsOverPriority() {
        TransportDiscovery discovery = discovery(new Fake("jdk", 0), new Fake("netty", 100));
        assertEquals("jdk", discovery.select("jdk").name());
    }

    @Test
    void unknownNameListsWhatWasFoundAndTheArtifacts() {
        TransportDiscovery discovery = discovery(new Fake("jdk", 0));
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> discovery.select("okhttp"));
        String message = error.getMessage();
        assertTrue(message.contains("'okhttp'"), message);
        assertTrue(message.contains("jdk (priority 0)"), message);
        assertTrue(message.contains("ai.runloop:runloop-transport-netty"), message);
    }

    @Test
    void providersWithMissingDependenciesAreSkipped() {
        HttpTransportProvider broken = new Fake("netty", 100) {
            @Override
            public String name() {
                throw new NoClassDefFoundError("io/netty/channel/Channel");
            }
        };
        Iterator<HttpTransportProvider> failingLoad = new Iterator<>() {
            private int step;

            @Override
            public boolean hasNext() {
                return step < 3;
            }

            @Override
            public HttpTransportProvider next() {
                switch (step++) {
                    case 0: throw new ServiceConfigurationError("vertx provider could not be instantiated");
                    case 1: return broken;
                    case 2: return new Fake("jdk", 0);
                    default: throw new NoSuchElementException();
                }
            }
        };
        TransportDiscovery discovery = TransportDiscovery.of(() -> failingLoad);
        assertEquals("jdk", discovery.select(null).name());
    }

    @Test
    void onlyBrokenProvidersGivesAnErrorThatSaysWhy() {
        TransportDiscovery discovery = TransportDiscovery.of(() -> List.<HttpTransportProvider>of(new Fake("netty", 1) {
            @Override
            public int priority() {
                throw new NoClassDefFoundError("io/netty/channel/Channel");
            }
        }).iterator());
        String message = assertThrows(IllegalStateException.class, () -> discovery.select(null)).getMessage();
        assertTrue(message.contains("ai.runloop:runloop-transport-jdk"), message);
        assertTrue(message.contains("io/netty/channel/Channel"), message);
    }

    @Test
    void explicitTransportWinsOverEverything() {
        HttpTransport explicit = new Fake("x", 0).create(TransportOptions.defaults());
        assertSame(explicit, TransportDiscovery.of(() -> List.<HttpTransportProvider>of().iterator())
                .transport(explicit, TransportOptions.defaults()));
    }

    @Test
    void nameComesFromPropertyThenEnvironment() {
        Map<String, String> props = Map.of(TransportDiscovery.PROPERTY, "Netty");
        Map<String, String> env = Map.of(TransportDiscovery.ENV, "vertx");
        assertEquals("netty", TransportDiscovery.requestedName(props::get, env::get));
        assertEquals("vertx", TransportDiscovery.requestedName(k -> null, env::get));
        assertEquals("vertx", TransportDiscovery.requestedName(k -> " ", env::get));
        assertNull(TransportDiscovery.requestedName(k -> null, k -> ""));
    }

    private static TransportDiscovery discovery(HttpTransportProvider... providers) {
        return TransportDiscovery.of(() -> List.of(providers).iterator());
    }

    private static class Fake implements HttpTransportProvider {
        private final String name;
        private final int priority;

        Fake(String name, int priority) {
            this.name = name;
            this.priority = priority;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public HttpTransport create(TransportOptions options) {
            return new HttpTransport() {
                @Override
                public CompletableFuture<HttpResponse> send(HttpRequest request) {
                    return new CompletableFuture<>();
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
