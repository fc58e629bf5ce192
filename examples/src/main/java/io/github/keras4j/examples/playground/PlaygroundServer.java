package io.github.keras4j.examples.playground;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Playground's web server, on the JDK's own {@link HttpServer}: the page (three files from the jar, nothing from
 * the network), and per tab a session with its own model, driven by small POSTs and watched through a stream of
 * Server-Sent Events. Routes:
 * <pre>
 * GET  /                              the page (also /playground.js, /playground.css)
 * POST /api/sessions                  body: the URL hash; 201 {id, hash} or 400 {error}
 * GET  /api/sessions/ID/events        text/event-stream of {@link Frame}s
 * GET  /api/sessions/ID/data          {train: [[x, y, label] ...], test: [...]}
 * POST /api/sessions/ID/ACTION        play, pause, step, reset, regenerate, close; 200 {hash}
 * POST /api/sessions/ID/state         body: the new hash; 200 {hash} or 400 {error}
 * </pre>
 * A tab that closes its stream stops training at once and is forgotten after {@value #IDLE_SECONDS} s.
 */
public final class PlaygroundServer implements AutoCloseable {
    /** Open tabs at most; one more gets a 503 with a message. */
    public static final int MAX_SESSIONS = 16;
    /** Bodies larger than this are refused unread (413). */
    public static final int MAX_BODY = 256 * 1024;
    static final int IDLE_SECONDS = 60;
    static final long KEEPALIVE_MILLIS = 10_000;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer http;
    private final ExecutorService handlers;
    private final ScheduledExecutorService reaper;
    private final Trainers trainers;
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean stopped;

    /** A session with the stream state its page needs. */
    private static final class Entry {
        final PlaygroundSession session;
        long version;
        int streams;
        volatile long idleSince = System.currentTimeMillis();

        Entry(PlaygroundSession session) {
            this.session = session;
        }
    }

    /** A server on {@code host}:{@code port} (0 picks a free port) letting {@code maxTraining} tabs train at once. */
    public PlaygroundServer(String host, int port, int maxTraining) throws IOException {
        trainers = new Trainers(maxTraining, this::publish);
        http = HttpServer.create(new InetSocketAddress(host, port), 0);
        handlers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "playground-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(handlers);
        http.createContext("/", this::handle);
        reaper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "playground-reaper");
            t.setDaemon(true);
            return t;
        });
        reaper.scheduleAtFixedRate(this::forgetIdle, IDLE_SECONDS, IDLE_SECONDS / 2, TimeUnit.SECONDS);
        http.start();
    }

    /** The port the server listens on. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** Tabs open now. */
    public int sessions() {
        return sessions.size();
    }

    /** Tabs training now. */
    public int training() {
        return trainers.training();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (method.equals("GET") && (path.equals("/") || path.equals("/index.html"))) {
                resource(ex, "index.html", "text/html; charset=utf-8");
            } else if (method.equals("GET") && path.equals("/playground.js")) {
                resource(ex, "playground.js", "text/javascript; charset=utf-8");
            } else if (method.equals("GET") && path.equals("/playground.css")) {
                resource(ex, "playground.css", "text/css; charset=utf-8");
            } else if (path.equals("/api/sessions") && method.equals("POST")) {
                create(ex);
            } else if (path.startsWith("/api/sessions/")) {
                String[] parts = path.substring("/api/sessions/".length()).split("/");
                Entry e = parts.length == 2 ? sessions.get(parts[0]) : null;
                if (e == null) {
                    send(ex, 404, error(parts.length == 2 ? "No Playground page with id '" + parts[0]
                            + "' is open here (it was closed, or the server restarted): reload the page." : "No such address: " + path + "."));
                } else {
                    session(ex, e, method, parts[1]);
                }
            } else {
                send(ex, 404, error("No such address: " + path + "."));
            }
        } catch (RuntimeException e) {
            // never a stack trace to the page: the message, and the details in the log
            org.slf4j.LoggerFactory.getLogger(PlaygroundServer.class).warn("Request {} failed", ex.getRequestURI(), e);
            send(ex, 500, error("The server could not handle this request: " + e.getMessage()));
        } finally {
            ex.close();
        }
    }

    private void create(HttpExchange ex) throws IOException {
        String body = body(ex);
        if (body == null) {
            return;
        }
        if (sessions.size() >= MAX_SESSIONS) {
            send(ex, 503, error("The server already has " + MAX_SESSIONS + " Playground pages open: close one, then reload this page."));
            return;
        }
        PlaygroundState state;
        try {
            state = PlaygroundState.parse(body, PlaygroundData.newSeed(new SeedRandom(Long.toString(ThreadLocalRandom.current().nextLong()))));
            PlaygroundSession session = new PlaygroundSession(Long.toString(ids.incrementAndGet()), state);
            sessions.put(session.id(), new Entry(session));
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("id", session.id());
            reply.put("hash", state.toHash());
            send(ex, 201, reply);
        } catch (IllegalArgumentException e) {
            send(ex, 400, error(e.getMessage()));
        }
    }

    private void session(HttpExchange ex, Entry e, String method, String action) throws IOException {
        PlaygroundSession s = e.session;
        if (method.equals("GET") && action.equals("events")) {
            stream(ex, e);
            return;
        }
        if (method.equals("GET") && action.equals("data")) {
            PlaygroundData d = s.data();
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("dataVersion", s.dataVersion());
            reply.put("train", d.train().stream().map(p -> new double[] {p.x(), p.y(), p.label()}).toList());
            reply.put("test", d.test().stream().map(p -> new double[] {p.x(), p.y(), p.label()}).toList());
            send(ex, 200, reply);
            return;
        }
        if (!method.equals("POST")) {
            send(ex, 405, error("Use POST for /api/sessions/" + s.id() + "/" + action + "."));
            return;
        }
        switch (action) {
            case "play" -> trainers.play(s);
            case "pause" -> s.setPlaying(false);
            case "step" -> {
                s.setPlaying(false);
                s.step();
            }
            case "reset" -> s.reset();
            case "regenerate" -> s.regenerate();
            case "close" -> {
                s.setPlaying(false);
                sessions.remove(s.id());
                wake(e);
                send(ex, 200, Map.of("closed", s.id()));
                return;
            }
            case "state" -> {
                String body = body(ex);
                if (body == null) {
                    return;
                }
                try {
                    s.update(PlaygroundState.parse(body, s.state().seed()));
                } catch (IllegalArgumentException bad) {
                    send(ex, 400, error(bad.getMessage()));
                    return;
                }
            }
            default -> {
                send(ex, 404, error("Unknown action '" + action + "'. Known: play, pause, step, reset, regenerate, state, close."));
                return;
            }
        }
        publish(s);
        send(ex, 200, Map.of("hash", s.state().toHash()));
    }

    /** Sends a frame whenever the session has a new one, until the page goes or the server stops. */
    private void stream(HttpExchange ex, Entry e) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        synchronized (e) {
            e.streams++;
        }
        long sent = -1;
        try {
            while (!stopped && sessions.containsKey(e.session.id())) {
                boolean fresh;
                synchronized (e) {
                    if (e.version == sent) {
                        e.wait(KEEPALIVE_MILLIS);
                    }
                    fresh = e.version != sent;
                    sent = e.version;
                }
                String text = fresh ? "data: " + json.writeValueAsString(e.session.frame()) + "\n\n" : ": keep-alive\n\n";
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | InterruptedException gone) {
            // the page closed or reloaded: stop its training now
        } finally {
            synchronized (e) {
                e.streams--;
                if (e.streams == 0) {
                    e.session.setPlaying(false);
                    e.idleSince = System.currentTimeMillis();
                }
            }
        }
    }

    private void publish(PlaygroundSession s) {
        Entry e = sessions.get(s.id());
        if (e != null) {
            wake(e);
        }
    }

    private static void wake(Entry e) {
        synchronized (e) {
            e.version++;
            e.notifyAll();
        }
    }

    private void forgetIdle() {
        long now = System.currentTimeMillis();
        sessions.values().removeIf(e -> {
            synchronized (e) {
                return e.streams == 0 && now - e.idleSince > IDLE_SECONDS * 1000L;
            }
        });
    }

    /** The request body as text, or null after answering 413 when it exceeds {@value #MAX_BODY} bytes. */
    private String body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            if (b.length > MAX_BODY) {
                send(ex, 413, error("The request is larger than " + MAX_BODY + " bytes; the Playground's settings take about 400."));
                return null;
            }
            return new String(b, StandardCharsets.UTF_8).trim();
        }
    }

    private void resource(HttpExchange ex, String name, String type) throws IOException {
        try (InputStream in = PlaygroundServer.class.getResourceAsStream("/playground/" + name)) {
            if (in == null) {
                send(ex, 404, error("The jar lacks playground/" + name + "."));
                return;
            }
            byte[] b = in.readAllBytes();
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
        }
    }

    private static Map<String, Object> error(String message) {
        return Map.of("error", message);
    }

    private void send(HttpExchange ex, int code, Object body) throws IOException {
        byte[] b = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(code, b.length);
        ex.getResponseBody().write(b);
    }

    /** Stops training, ends every stream and closes the port. */
    @Override
    public void close() {
        stopped = true;
        for (Entry e : sessions.values()) {
            e.session.setPlaying(false);
            wake(e);
        }
        trainers.shutdown();
        reaper.shutdownNow();
        http.stop(1);
        handlers.shutdownNow();
    }
}
