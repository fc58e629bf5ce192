package io.github.keras4j.examples.playground;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps section 23 of {@code docs/errors.md} ("The Playground (examples module)") honest: produces every text it
 * lists, each the way it reaches a user (an exception, an HTTP answer, the page, the command line), and checks that
 * the section lists exactly these, word for word, under the kind it names.
 */
class PlaygroundErrorCatalogTest {
    static final Path CATALOGUE = Path.of(System.getProperty("basedir", "."), "..", "docs", "errors.md").normalize();
    private static final Pattern ENTRY = Pattern.compile("\\*\\*`([^`]+)`\\*\\*[^\\n]*\\n+```text\\n(.*?)\\n```", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyPlaygroundMessageIsCataloguedWordForWordAndNothingElse() throws Exception {
        Map<String, String> produced = new LinkedHashMap<>();
        for (String hash : List.of("dataset=moons", "regDataset=reg-moons", "activation=softmax", "regularization=L3", "problem=ranking",
                "learningRate=abc", "batchSize=2.5", "networkShape=1,1,1,1,1,1,1,1,1", "networkShape=4,9", "seed=" + "7".repeat(100),
                "a=" + "x".repeat(102398))) {
            produced.put(refused(hash), "IllegalArgumentException");
        }
        String noFeature = assertThrows(IllegalArgumentException.class,
                () -> new PlaygroundSession("1", PlaygroundState.parse("x=false&y=false", "1"))).getMessage();
        produced.put(noFeature, "IllegalArgumentException");

        try (PlaygroundServer server = new PlaygroundServer("127.0.0.1", 0, 1)) {
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            String id = JSON.readTree(send(client, base + "/api/sessions", "seed=0.1").body()).get("id").asText();
            for (String hash : List.of("dataset=moons", "x=false&y=false")) {
                HttpResponse<String> r = send(client, base + "/api/sessions", hash);
                assertEquals(400, r.statusCode(), "every refused setting is a 400");
                assertTrue(produced.containsKey(error(r)));
            }
            produced.put(errorOf(send(client, base + "/api/sessions/7/play", ""), 404), "HTTP 404");
            produced.put(errorOf(client.send(HttpRequest.newBuilder(URI.create(base + "/nothing")).build(),
                    HttpResponse.BodyHandlers.ofString()), 404), "HTTP 404");
            produced.put(errorOf(send(client, base + "/api/sessions/" + id + "/jump", ""), 404), "HTTP 404");
            produced.put(errorOf(client.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + id + "/play")).build(),
                    HttpResponse.BodyHandlers.ofString()), 405), "HTTP 405");
            produced.put(errorOf(send(client, base + "/api/sessions", "x".repeat(PlaygroundServer.MAX_BODY + 1)), 413), "HTTP 413");
            for (int i = 1; i < PlaygroundServer.MAX_SESSIONS; i++) {
                send(client, base + "/api/sessions", "seed=0.1&networkShape=1");
            }
            produced.put(errorOf(send(client, base + "/api/sessions", "seed=0.1"), 503), "HTTP 503");
        }
        produced.put(new Trainers(1, s -> { }).waitingMessage(1), "status");

        String script;
        try (InputStream in = PlaygroundServer.class.getResourceAsStream("/playground/playground.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher badLink = Pattern.compile("`(This link's settings cannot be used: )\\$\\{r\\.reply\\.error}( [^`]*)`").matcher(script);
        assertTrue(badLink.find(), "the page's message for a refused link");
        produced.put(badLink.group(1) + refused("dataset=moons") + badLink.group(2), "page");
        String lost = "The connection to the server was lost: reload the page.";
        assertTrue(script.contains("\"" + lost + "\""));
        produced.put(lost, "page");

        produced.put(commandError("--port", "70000"), "ParameterException");
        produced.put(commandError("--max-training", "0"), "ParameterException");
        produced.put(PlaygroundCommand.exposedWarning("0.0.0.0"), "warning");

        Map<String, String> documented = documented();
        List<String> problems = new ArrayList<>();
        produced.forEach((message, kind) -> {
            if (!documented.containsKey(message)) {
                problems.add("not in the catalogue: **`" + kind + "`**\n```text\n" + message + "\n```");
            } else if (!documented.get(message).equals(kind)) {
                problems.add("catalogued as " + documented.get(message) + " but reaches the user as " + kind + ": " + message);
            }
        });
        documented.keySet().stream().filter(m -> !produced.containsKey(m)).forEach(m -> problems.add("catalogued but never produced: " + m));
        assertTrue(problems.isEmpty(), CATALOGUE + " section 23 and the Playground disagree:\n\n" + String.join("\n\n", problems));
    }

    private static String refused(String hash) {
        return assertThrows(IllegalArgumentException.class, () -> PlaygroundState.parse(hash, "1")).getMessage();
    }

    private static HttpResponse<String> send(HttpClient client, String url, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String error(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).get("error").asText();
    }

    private static String errorOf(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return error(r);
    }

    /** The first line picocli prints for a refused option (the usage follows it). */
    private static String commandError(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new PlaygroundCommand(System.out, new CountDownLatch(0)));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(2, cl.execute(args));
        return err.toString().lines().findFirst().orElse("");
    }

    /** The entries of the Playground's section: message text to the kind named before it. */
    static Map<String, String> documented() throws Exception {
        String text = Files.readString(CATALOGUE, StandardCharsets.UTF_8);
        String section = null;
        for (String s : text.split("(?m)^(?=## )")) {
            if (s.startsWith("## 23. The Playground (examples module)")) {
                section = s;
            }
        }
        assertTrue(section != null, "docs/errors.md lacks '## 23. The Playground (examples module)'");
        Map<String, String> entries = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(section);
        while (m.find()) {
            entries.put(m.group(2), m.group(1));
        }
        return entries;
    }
}
