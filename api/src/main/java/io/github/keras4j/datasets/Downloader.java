package io.github.keras4j.datasets;

import io.github.keras4j.saving.Temporaries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Downloads one file into the dataset cache, all or nothing: the bytes go to a temporary {@code .part} file in
 * the target's folder, are checked against the published SHA-256, are flushed to disk, and only then are
 * renamed into place atomically. On any failure (network, HTTP status, size, stall, trickle, deadline,
 * checksum, interrupt) the {@code .part} file is deleted, so the cache never holds a partial or unverified file
 * under a real name; {@code .part} files of a killed process are removed before the next download into that
 * folder ({@link Temporaries}). How long and how slowly a download may run: {@link DownloadLimits}.
 */
final class Downloader {
    private static final Logger LOG = LoggerFactory.getLogger(Downloader.class);

    /** How long to wait for a mirror to accept the connection, in seconds: {@value}. */
    static final int CONNECT_TIMEOUT_SECONDS = 30;
    /** How long to wait for a mirror to start answering, in seconds: {@value}. */
    static final int RESPONSE_TIMEOUT_SECONDS = 60;
    /** A download larger than this many bytes is abandoned: {@value} (the largest dataset file is 26 MB). */
    static final long MAX_BYTES = 256L * 1024 * 1024;
    /** The ending of a download's temporary file: {@value}. */
    static final String PART_SUFFIX = ".part";

    /** Created on the first download only: a client starts a thread, which loading cached files never needs. */
    private static final class Client {
        static final HttpClient INSTANCE = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS))
                .build();
    }

    /** Null: read the settings at each download. */
    private final DownloadLimits fixedLimits;

    /** A downloader with the limits of the settings ({@link DownloadLimits#fromSettings()}), read per download. */
    Downloader() {
        this(null);
    }

    Downloader(DownloadLimits limits) {
        this.fixedLimits = limits;
    }

    /**
     * Downloads {@code url} to {@code target} if its SHA-256 is {@code sha256} (lower-case hex).
     *
     * @throws IOException naming the URL and the problem (network, HTTP status, size, stall, rate, deadline,
     *                     checksum); nothing is left behind in the target's folder
     */
    void download(URI url, Path target, String sha256) throws IOException {
        DownloadLimits limits = fixedLimits != null ? fixedLimits : DownloadLimits.fromSettings();
        long started = System.nanoTime();
        LOG.info("Downloading {} to {}", url, target);
        Temporaries.removeStale(target.getParent());
        HttpResponse<InputStream> response = connect(url);
        Path part;
        try {
            part = Temporaries.create(target.getParent(), target.getFileName().toString(), PART_SUFFIX);
        } catch (IOException e) {
            response.body().close();
            throw new IOException("cannot write in " + target.getParent() + " (" + describe(e) + ")", e);
        }
        try {
            String actual = save(url, response, part, limits, started);
            if (!actual.equals(sha256)) {
                throw new IOException("checksum mismatch for " + url + ": its SHA-256 is " + actual + ", expected "
                        + sha256 + "; the download was discarded (a wrong or damaged mirror?)");
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Temporaries.release(part);
        }
    }

    /** Sends the request; a successful response's body is still to be read. */
    private static HttpResponse<InputStream> connect(URI url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(RESPONSE_TIMEOUT_SECONDS)).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = Client.INSTANCE.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting to " + url);
        } catch (IOException e) {
            throw new IOException("cannot reach " + url + " (" + describe(e) + ")", e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("HTTP status " + response.statusCode() + " from " + url);
        }
        return response;
    }

    /** Streams the body into {@code part}, flushed to disk, and returns its SHA-256 in hex. */
    private static String save(URI url, HttpResponse<InputStream> response, Path part, DownloadLimits limits, long started)
            throws IOException {
        MessageDigest digest = sha256();
        // A FileOutputStream, unlike a FileChannel, is not closed by the watchdog's interrupt.
        try (InputStream body = response.body();
             FileOutputStream out = new FileOutputStream(part.toFile());
             DownloadWatchdog watchdog = new DownloadWatchdog(body, limits, started)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            long expected = response.headers().firstValueAsLong("content-length").orElse(-1);
            while (true) {
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException e) {
                    // When a limit struck, the read failed because the watchdog closed the stream: nothing more to say.
                    throw new IOException(abandoned(watchdog, limits, url, total, expected)
                            + (watchdog.fired() == null ? " (" + describe(e) + ")" : ""), e);
                }
                if (n < 0) {
                    break;
                }
                watchdog.progress(n);
                total += n;
                if (total > MAX_BYTES) {
                    throw new IOException(url + " sends more than " + MAX_BYTES + " bytes; abandoned");
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            if (watchdog.fired() != null) { // the limit struck just as the body ended
                throw new IOException(abandoned(watchdog, limits, url, total, expected));
            }
            out.getFD().sync(); // the rename must never expose bytes that are not yet on disk
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Why the body stopped: the limit the watchdog enforced, or a broken connection. */
    private static String abandoned(DownloadWatchdog watchdog, DownloadLimits limits, URI url, long total, long expected) {
        String progress = " after " + total + (expected >= 0 ? " of " + expected : "") + " bytes";
        DownloadWatchdog.Reason reason = watchdog.fired();
        if (reason == null) {
            return "download broke off from " + url + progress;
        }
        return switch (reason) {
            case STALLED -> "no data for " + limits.stall().toMillis() + " ms from " + url + progress;
            case TOO_SLOW -> url + " sent fewer than " + (long) (limits.minBytesPerSecond() * limits.rateWindow().toMillis() / 1000.0)
                    + " bytes in " + seconds(limits.rateWindow().toMillis()) + " s, slower than the minimum of "
                    + limits.minBytesPerSecond() + " bytes/s (set by -D" + DownloadLimits.MIN_RATE_PROPERTY + " or "
                    + DownloadLimits.MIN_RATE_VARIABLE + "; 0 turns the check off); abandoned" + progress;
            case DEADLINE -> "downloading " + url + " took longer than " + seconds(limits.deadline().toMillis()) + " s (set by -D"
                    + DownloadLimits.TIMEOUT_PROPERTY + " or " + DownloadLimits.TIMEOUT_VARIABLE + ", in seconds); abandoned" + progress;
        };
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** The exception's type and the first message in its chain, e.g. "ConnectException: Connection refused". */
    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String what = e.getClass().getSimpleName() + (t != e ? ", caused by " + t.getClass().getSimpleName() : "");
        return t.getMessage() == null ? what : what + ": " + t.getMessage();
    }
}
