package io.github.keras4j.datasets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A dataset mirror on the loopback interface, serving files from memory; 404 for anything else. */
final class LocalMirror implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, byte[]> stalling = new ConcurrentHashMap<>();
    private final Map<String, Long> trickling = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();

    LocalMirror() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL, ending in '/'. */
    URI origin() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    LocalMirror serve(String name, byte[] content) {
        files.put(name, content);
        return this;
    }

    /** Serves the first half of {@code content}, then sends nothing until closed (at most 20 s). */
    LocalMirror stall(String name, byte[] content) {
        stalling.put(name, content);
        return this;
    }

    /** Serves {@code content} one byte every {@code intervalMillis} ms, the whole of it only in the end (a trickling mirror). */
    LocalMirror trickle(String name, byte[] content, long intervalMillis) {
        stalling.put(name, content);
        trickling.put(name, intervalMillis);
        return this;
    }

    /** Answers with the headers of a file of {@code length} bytes, then sends nothing until closed (at most 20 s). */
    LocalMirror silent(String name, int length) {
        return trickle(name, new byte[length], 20_000);
    }

    int requests() {
        return requests.get();
    }

    /** A base URL where nothing listens: connecting is refused. */
    static URI refusingOrigin() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String name = exchange.getRequestURI().getPath().substring(1);
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            byte[] content = files.get(name);
            byte[] slow = stalling.get(name);
            if (content != null) {
                exchange.sendResponseHeaders(200, content.length);
                out.write(content);
            } else if (slow != null && trickling.containsKey(name)) {
                exchange.sendResponseHeaders(200, slow.length);
                for (int i = 0; i < slow.length && !release.await(trickling.get(name), TimeUnit.MILLISECONDS); i++) {
                    out.write(slow[i]);
                    out.flush();
                }
            } else if (slow != null) {
                exchange.sendResponseHeaders(200, slow.length);
                out.write(slow, 0, slow.length / 2);
                out.flush();
                release.await(20, TimeUnit.SECONDS);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
