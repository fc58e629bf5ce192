package io.github.keras4j.examples.playground;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar keras4j-examples.jar playground [--port N] [--host H] [--max-training K]}: serves the Playground
 * page until Ctrl-C, which stops training, closes the streams and the port.
 */
@Command(name = "playground", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Serves the interactive Playground page: 2-D data, a keras4j network training while you watch.")
public final class PlaygroundCommand implements Callable<Integer> {
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_MAX_TRAINING = 2;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT,
            description = "the port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = DEFAULT_HOST,
            description = "the address to listen on (default: ${DEFAULT-VALUE}, this machine only)")
    String host;

    @Option(names = "--max-training", paramLabel = "K", defaultValue = "" + DEFAULT_MAX_TRAINING,
            description = "pages that train at once; the others wait their turn (default: ${DEFAULT-VALUE})")
    int maxTraining;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out;
    private final CountDownLatch stop;

    /** {@code stop} ends the server when counted down (the JVM's shutdown hook does it on Ctrl-C). */
    PlaygroundCommand(PrintStream out, CountDownLatch stop) {
        this.out = out;
        this.stop = stop;
    }

    /** Runs the command with {@code args} (those after {@code playground}) until Ctrl-C; returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        CountDownLatch stop = new CountDownLatch(1);
        return new CommandLine(new PlaygroundCommand(out, stop)).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be from 0 to 65535, got " + port + ".");
        }
        if (maxTraining < 1) {
            throw new ParameterException(spec.commandLine(), "--max-training must be at least 1, got " + maxTraining + ".");
        }
        if (!isLoopback(host)) {
            spec.commandLine().getErr().println(exposedWarning(host));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C runs the shutdown hooks: ours lets the server close (training, streams, port) before the JVM exits.
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "playground-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (PlaygroundServer server = new PlaygroundServer(host, port, maxTraining)) {
            String shown = host.contains(":") ? "[" + host + "]" : host;
            out.println("keras4j Playground: http://" + shown + ":" + server.port() + "/ (Ctrl-C stops it)");
            out.flush();
            stop.await();
            out.println("Stopping the Playground.");
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: nothing to remove
            }
        }
        out.println("The Playground has stopped.");
        out.flush();
        return 0;
    }

    /** The warning printed when the server listens beyond this machine. */
    static String exposedWarning(String host) {
        return "Warning: listening on " + host + ", not " + DEFAULT_HOST + ": anyone who can reach this machine can open the"
                + " Playground and make it train. Leave out --host to keep it to this machine.";
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }
}
