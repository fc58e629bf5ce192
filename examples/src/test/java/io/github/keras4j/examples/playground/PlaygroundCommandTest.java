package io.github.keras4j.examples.playground;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code playground [--port N]}: prints the URL, serves until stopped (Ctrl-C's shutdown hook does the same), then frees the port. */
class PlaygroundCommandTest {
    @Test
    void servesUntilStoppedThenFreesThePort() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        CountDownLatch stop = new CountDownLatch(1);
        AtomicInteger code = new AtomicInteger(-1);
        Thread t = new Thread(() -> code.set(new CommandLine(new PlaygroundCommand(out, stop)).execute("--port", "0")));
        t.start();
        Pattern url = Pattern.compile("keras4j Playground: (http://127\\.0\\.0\\.1:\\d+/) \\(Ctrl-C stops it\\)");
        Matcher m = url.matcher("");
        long deadline = System.currentTimeMillis() + 30_000;
        while (!(m = url.matcher(printed.toString(StandardCharsets.UTF_8))).find() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(m.find(0), "the URL is printed: " + printed);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest page = HttpRequest.newBuilder(URI.create(m.group(1))).build();
        assertEquals(200, client.send(page, HttpResponse.BodyHandlers.ofString()).statusCode());
        stop.countDown();
        t.join(30_000);
        assertEquals(0, code.get());
        assertTrue(printed.toString(StandardCharsets.UTF_8).endsWith("The Playground has stopped." + System.lineSeparator()));
        assertThrows(ConnectException.class, () -> client.send(page, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void aHostBeyondThisMachineIsWarnedAbout() {
        assertTrue(PlaygroundCommand.isLoopback("127.0.0.1") && PlaygroundCommand.isLoopback("localhost") && PlaygroundCommand.isLoopback("::1"));
        assertTrue(!PlaygroundCommand.isLoopback("0.0.0.0"));
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new PlaygroundCommand(System.out, new CountDownLatch(0)));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(2, cl.execute("--port", "-1"));
        assertTrue(err.toString().startsWith("--port must be from 0 to 65535, got -1."), err.toString());
    }
}
