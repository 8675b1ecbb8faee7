package ai.runloop.transport.jdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.runloop.api.AutoPager;
import ai.runloop.api.RunloopClient;
import ai.runloop.api.errors.NotFoundException;
import ai.runloop.model.devboxes.DevboxListParams;
import ai.runloop.model.devboxes.DevboxView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cursor pagination (behaviours §6): the auto-pagers send {@code starting_after} = the last id and the
 * caller's other query params, and stop on {@code has_more=false}, on an empty page, and when the last
 * item has no id; blocking and asynchronous alike.
 */
@Timeout(60)
class PaginationTest {
    private ScriptedServer server;
    private RunloopClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A page of devboxes; a null id makes an item without one. */
    private static ScriptedServer.Handler page(boolean hasMore, String... ids) {
        String items = Arrays.stream(ids).map(id -> id == null ? "{\"status\":\"running\"}"
                : "{\"id\":\"" + id + "\",\"status\":\"running\"}").collect(Collectors.joining(","));
        return (request, x) -> x.json(200, "{\"devboxes\":[" + items + "],\"has_more\":" + hasMore
                + ",\"total_count\":99}");
    }

    private RunloopClient client(ScriptedServer.Handler... pages) throws Exception {
        server = ScriptedServer.start(ScriptedServer.sequence(pages));
        client = RunloopClient.builder().apiKey("k").baseUrl(server.baseUrl()).maxRetries(0).environment(Map.of()).build();
        return client;
    }

    private List<String> cursors() {
        return server.requests().stream().map(r -> r.query().get("starting_after")).toList();
    }

    private static DevboxListParams params() {
        return DevboxListParams.builder().limit(2).build();
    }

    @Test
    void iteratesAcrossPagesSendingTheLastIdAndKeepingOtherParams() throws Exception {
        AutoPager<DevboxView> pager = client(page(true, "a", "b"), page(true, "c", "d"), page(false, "e"))
                .devboxes().listAutoPaging(params());
        Iterator<DevboxView> it = pager.iterator();
        assertEquals("a", it.next().id());
        assertEquals("b", it.next().id());
        assertEquals(1, server.requests().size(), "the next page is fetched only when needed");
        List<String> ids = new ArrayList<>(List.of("a", "b"));
        it.forEachRemaining(d -> ids.add(d.id()));
        assertEquals(List.of("a", "b", "c", "d", "e"), ids);
        assertEquals(Arrays.asList(null, "b", "d"), cursors());
        server.requests().forEach(r -> assertEquals("2", r.query().get("limit")));
        server.requests().forEach(r -> assertEquals("GET", r.method()));
    }

    @Test
    void stopsOnAnEmptyPageEvenWhenTheServerSaysThereIsMore() throws Exception {
        List<String> ids = client(page(true, "a"), page(true), page(false, "never"))
                .devboxes().listAutoPaging(params()).stream().map(DevboxView::id).toList();
        assertEquals(List.of("a"), ids);
        assertEquals(2, server.requests().size());
    }

    @Test
    void stopsWhenTheLastItemHasNoId() throws Exception {
        List<DevboxView> items = client(page(true, "a", null), page(false, "never"))
                .devboxes().listAutoPaging(params()).stream().toList();
        assertEquals(2, items.size());
        assertNull(items.get(1).id());
        assertEquals(1, server.requests().size());
    }

    @Test
    void asyncPagerIteratesAcrossPages() throws Exception {
        List<String> ids = new ArrayList<>();
        client(page(true, "a", "b"), page(true, "c"), page(false, "d"))
                .devboxes().async().listAutoPaging(params()).forEach(d -> ids.add(d.id())).get(30, TimeUnit.SECONDS);
        assertEquals(List.of("a", "b", "c", "d"), ids);
        assertEquals(Arrays.asList(null, "b", "c"), cursors());
    }

    @Test
    void asyncPagerStopsOnAnEmptyPageAndOnAMissingId() throws Exception {
        List<DevboxView> first = client(page(true, "a"), page(true), page(false, "never"))
                .devboxes().async().listAutoPaging(params()).toList(100).get(30, TimeUnit.SECONDS);
        assertEquals(List.of("a"), first.stream().map(DevboxView::id).toList());
        assertEquals(2, server.requests().size());
        stop();
        List<DevboxView> second = client(page(true, "a", null), page(false, "never"))
                .devboxes().async().listAutoPaging(params()).toList(100).get(30, TimeUnit.SECONDS);
        assertEquals(2, second.size());
        assertEquals(1, server.requests().size());
    }

    @Test
    void asyncPagerStopsEarlyWhenTheVisitorSaysSo() throws Exception {
        List<DevboxView> two = client(page(true, "a", "b"), page(false, "c"))
                .devboxes().async().listAutoPaging(params()).toList(2).get(30, TimeUnit.SECONDS);
        assertEquals(2, two.size());
        assertEquals(1, server.requests().size());
    }

    @Test
    void anErrorOnALaterPageFailsTheIteration() throws Exception {
        RunloopClient c = client(page(true, "a"), (r, x) -> x.json(404, "{}"));
        Iterator<DevboxView> it = c.devboxes().listAutoPaging(params()).iterator();
        assertEquals("a", it.next().id());
        assertThrows(NotFoundException.class, it::hasNext);
        stop();
        RunloopClient c2 = client(page(true, "a"), (r, x) -> x.json(404, "{}"));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> c2.devboxes().async().listAutoPaging(params()).forEach(d -> { }).get(30, TimeUnit.SECONDS));
        assertInstanceOf(NotFoundException.class, e.getCause());
        assertFalse(server.requests().isEmpty());
    }
}
