package io.github.keras4j.examples.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server over real HTTP on the loopback: the page's files, sessions, bad settings, streams and limits. */
class PlaygroundServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private PlaygroundServer server;

    @BeforeEach
    void start() throws IOException {
        server = new PlaygroundServer("127.0.0.1", 0, 1);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String open(String hash) throws Exception {
        HttpResponse<String> r = post("/api/sessions", hash);
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** The first frame a new stream of {@code id} sends. */
    private JsonNode firstFrame(String id) throws Exception {
        HttpResponse<Stream<String>> r = client.send(HttpRequest.newBuilder(URI.create(url("/api/sessions/" + id + "/events")))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = r.body()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.startsWith("data: ")) {
                    return JSON.readTree(line.substring(6));
                }
            }
        }
        throw new AssertionError("the stream ended without a frame");
    }

    @Test
    void servesThePageAndItsFilesFromTheJar() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"play-pause-button\""));
        assertFalse(page.body().contains("http://") || page.body().contains("https://"), "nothing from the network");
        assertEquals(200, get("/playground.js").statusCode());
        assertEquals(200, get("/playground.css").statusCode());
        HttpResponse<String> missing = get("/nothing");
        assertEquals(404, missing.statusCode());
        assertEquals("No such address: /nothing.", JSON.readTree(missing.body()).get("error").asText());
    }

    @Test
    void badSettingsGetA400WithTheReasonNeverAStackTrace() throws Exception {
        String[][] cases = {
                {"dataset=moons", "Unknown dataset 'moons'. Known: circle, xor, gauss, spiral."},
                {"networkShape=1,1,1,1,1,1,1,1,1", "networkShape has 9 hidden layers; the Playground allows 0 to 6, each of 1 to 8 neurons, e.g. networkShape=4,2."},
                {"learningRate=abc", "learningRate must be a number from 0.00001 to 10, got 'abc'."},
                {"x=false&y=false", "No input feature is switched on: switch on at least one, e.g. x=true."},
                {"a=" + "x".repeat(100 * 1024 - 2), "The settings are 102400 characters long; a Playground URL's take about 400, and at most 4096 are accepted."}};
        for (String[] c : cases) {
            HttpResponse<String> r = post("/api/sessions", c[0]);
            assertEquals(400, r.statusCode());
            assertEquals(c[1], JSON.readTree(r.body()).get("error").asText());
        }
        HttpResponse<String> huge = post("/api/sessions", "a=" + "x".repeat(PlaygroundServer.MAX_BODY));
        assertEquals(413, huge.statusCode());
        assertEquals(0, server.sessions());
    }

    @Test
    void eachTabHasItsOwnModel() throws Exception {
        String a = open("seed=0.1&networkShape=2");
        String b = open("seed=0.1&networkShape=2");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, post("/api/sessions/" + a + "/step", "").statusCode());
        }
        JsonNode fa = firstFrame(a);
        JsonNode fb = firstFrame(b);
        assertEquals(3, fa.get("iteration").asInt());
        assertEquals(0, fb.get("iteration").asInt());
        assertTrue(fa.get("lossTrain").asDouble() != fb.get("lossTrain").asDouble());
        assertEquals(100 * 100, java.util.Base64.getDecoder().decode(fa.get("heatmap").asText()).length);
        assertEquals(2, fa.get("neurons").get(0).size(), "one heatmap per hidden neuron");
    }

    @Test
    void settingsChangeAsThePlaygroundsControlsDo() throws Exception {
        String id = open("seed=0.1&networkShape=2");
        post("/api/sessions/" + id + "/step", "");
        HttpResponse<String> lr = post("/api/sessions/" + id + "/state", "seed=0.1&networkShape=2&learningRate=0.3");
        assertEquals(200, lr.statusCode());
        assertEquals(1, firstFrame(id).get("iteration").asInt(), "a new learning rate does not reset");
        HttpResponse<String> act = post("/api/sessions/" + id + "/state", "seed=0.1&networkShape=2&learningRate=0.3&activation=relu");
        assertTrue(JSON.readTree(act.body()).get("hash").asText().contains("activation=relu"));
        assertEquals(0, firstFrame(id).get("iteration").asInt(), "a new activation resets");
        HttpResponse<String> noise = post("/api/sessions/" + id + "/state", "seed=0.1&networkShape=2&noise=20");
        assertFalse(JSON.readTree(noise.body()).get("hash").asText().contains("seed=0.1&"), "new data comes with a new seed");
        HttpResponse<String> bad = post("/api/sessions/" + id + "/state", "batchSize=0");
        assertEquals(400, bad.statusCode());
        assertEquals("batchSize must be a whole number from 1 to 30, got '0'.", JSON.readTree(bad.body()).get("error").asText());
    }

    @Test
    void aClosedPageStopsTrainingAndUnknownPagesAreNamed() throws Exception {
        String id = open("seed=0.1");
        post("/api/sessions/" + id + "/play", "");
        long deadline = System.currentTimeMillis() + 20_000;
        while (firstFrame(id).get("iteration").asInt() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        // each firstFrame above closed its stream: the tab is playing only while a page watches
        Thread.sleep(300);
        int stopped = firstFrame(id).get("iteration").asInt();
        Thread.sleep(300);
        assertTrue(firstFrame(id).get("iteration").asInt() <= stopped + 1, "no page, no training");
        assertEquals(200, post("/api/sessions/" + id + "/close", "").statusCode());
        HttpResponse<String> gone = post("/api/sessions/" + id + "/play", "");
        assertEquals(404, gone.statusCode());
        assertEquals("No Playground page with id '" + id + "' is open here (it was closed, or the server restarted): reload the page.",
                JSON.readTree(gone.body()).get("error").asText());
    }

    @Test
    void beyondTheTrainersTabsWaitWithAMessage() throws Exception {
        String a = open("seed=0.1");
        String b = open("seed=0.2");
        HttpResponse<Stream<String>> watching = client.send(HttpRequest.newBuilder(URI.create(url("/api/sessions/" + a + "/events"))).build(),
                HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = watching.body()) {
            post("/api/sessions/" + a + "/play", "");
            long deadline = System.currentTimeMillis() + 20_000;
            while (server.training() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            post("/api/sessions/" + b + "/play", "");
            JsonNode waiting = firstFrame(b);
            assertEquals("Waiting: 1 other page is training (at most 1 at once); this one starts when one of them pauses or closes.",
                    waiting.get("status").asText());
            assertTrue(server.training() <= 1);
        }
    }

    @Test
    void tooManyPagesGetA503() throws Exception {
        for (int i = 0; i < PlaygroundServer.MAX_SESSIONS; i++) {
            open("seed=0.1&networkShape=1");
        }
        HttpResponse<String> r = post("/api/sessions", "seed=0.1");
        assertEquals(503, r.statusCode());
        assertEquals("The server already has 16 Playground pages open: close one, then reload this page.",
                JSON.readTree(r.body()).get("error").asText());
    }

    @Test
    void closingTheServerFreesThePort() throws Exception {
        String id = open("seed=0.1");
        post("/api/sessions/" + id + "/play", "");
        server.close();
        assertThrows(ConnectException.class, () -> get("/"));
    }
}
