package io.github.keras4j.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster for tests: a master and one worker, each its own JVM started from the Spark
 * jars on the test class path, both bound to 127.0.0.1. The executors the worker launches get the test class
 * path too ({@link #classPath}, through {@code spark.executor.extraClassPath}). {@link #close} stops the worker,
 * its executors and the master: every process this class started, and no other.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";
    private static final long START_SECONDS = 90;

    final String masterUrl;
    private final Process master;
    private final Process worker;
    private final Path workerLog;

    private StandaloneCluster(String masterUrl, Process master, Process worker, Path workerLog) {
        this.masterUrl = masterUrl;
        this.master = master;
        this.worker = worker;
        this.workerLog = workerLog;
    }

    /** Starts a master and a worker with {@code cores} cores; returns once the worker has registered. */
    static StandaloneCluster start(Path dir, int cores) throws Exception {
        // The worker builds its executors' command from SPARK_HOME: a Spark "release" without jars of its own,
        // whose executors load everything from the test class path.
        Path home = Files.createDirectories(dir.resolve("spark-home"));
        Files.createDirectories(home.resolve("jars"));
        Files.writeString(home.resolve("RELEASE"), "keras4j test cluster\n");
        int port = freePort();
        int webUi = freePort();
        String url = "spark://" + LOOPBACK + ":" + port;
        Process master = launch(dir, home, "master", List.of("org.apache.spark.deploy.master.Master",
                "--host", LOOPBACK, "--port", String.valueOf(port), "--webui-port", String.valueOf(webUi)));
        Process worker = null;
        try {
            waitFor(() -> accepts(port), "the master to listen on " + url, dir.resolve("master.log"));
            worker = launch(dir, home, "worker", List.of("org.apache.spark.deploy.worker.Worker",
                    "--host", LOOPBACK, "--cores", String.valueOf(cores), "--memory", "3g",
                    "--work-dir", Files.createDirectories(dir.resolve("work")).toString(),
                    "--webui-port", String.valueOf(freePort()), url));
            Path log = dir.resolve("worker.log");
            // the master's status page says when the worker has registered, whatever the processes log
            waitFor(() -> ALIVE_WORKER.matcher(status(webUi)).find(), "the worker to register", log);
            return new StandaloneCluster(url, master, worker, log);
        } catch (Exception | Error e) {
            stop(worker);
            stop(master);
            throw e;
        }
    }

    /** The class path of this test JVM, for the cluster's processes. */
    static String classPath() {
        return System.getProperty("java.class.path");
    }

    /** Kills the executor processes the worker is running right now; returns how many it killed. */
    int killExecutors() {
        List<ProcessHandle> executors = worker.toHandle().descendants()
                .filter(StandaloneCluster::isExecutor).toList();
        executors.forEach(ProcessHandle::destroyForcibly);
        return executors.size();
    }

    private static boolean isExecutor(ProcessHandle p) {
        try {
            // /proc/<pid>/cmdline holds the whole command, which Java's ProcessHandle.Info may shorten
            return Files.readString(Path.of("/proc", String.valueOf(p.pid()), "cmdline")).contains("CoarseGrainedExecutorBackend");
        } catch (IOException e) {
            return p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend");
        }
    }

    /** The worker's log, for a failing test's message. */
    String workerLog() throws IOException {
        return Files.readString(workerLog, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        stop(worker);
        stop(master);
    }

    private static Process launch(Path dir, Path home, String name, List<String> mainAndArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("keras4j.spark.javaOpts", "").trim().split("\\s+")));
        // the master and worker log at INFO into their files, for a failing test's message
        Path logConfig = dir.resolve("log4j2-cluster.properties");
        Files.writeString(logConfig, "rootLogger.level = info\nrootLogger.appenderRef.stdout.ref = console\n"
                + "appender.console.type = Console\nappender.console.name = console\n"
                + "appender.console.layout.type = PatternLayout\nappender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n\n");
        command.addAll(List.of("-Xmx512m", "-Dlog4j2.configurationFile=" + logConfig.toUri(), "-cp", classPath()));
        command.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", LOOPBACK); // executors inherit it: nothing binds beyond the loopback interface
        env.put("SPARK_LOG_DIR", dir.toString());
        return pb.start();
    }

    private static void stop(Process p) {
        if (p == null) {
            return;
        }
        List<ProcessHandle> children = p.toHandle().descendants().toList();
        p.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, String what, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            if (check.ok()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("waited " + START_SECONDS + " s for " + what + "; its log:\n"
                + (Files.exists(log) ? Files.readString(log) : "(none)"));
    }

    private static final java.util.regex.Pattern ALIVE_WORKER = java.util.regex.Pattern.compile("\"aliveworkers\"\\s*:\\s*[1-9]");

    private static String status(int webUi) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://" + LOOPBACK + ":" + webUi + "/json/")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(LOOPBACK))) {
            return s.getLocalPort();
        }
    }
}
