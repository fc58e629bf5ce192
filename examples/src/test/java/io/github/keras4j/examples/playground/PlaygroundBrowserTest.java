package io.github.keras4j.examples.playground;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The page in a real headless browser: Debian's {@code chromium} through Debian's {@code chromedriver} (both
 * installed by {@code .ci/run}), against a server on the loopback that the test starts and stops. Without chromium
 * the tests are skipped, except under {@code CI=true}, where they fail.
 *
 * <p>Seeds: the issue's circle test names seed 0.5, but with X1², X2² and no hidden layer seed 0.5 draws two
 * positive initial weights, tanh saturates at +1 over the whole outer ring and training stalls near loss 1 — the
 * real Playground stalls with it too ({@link PlaygroundNetworkTest} shows both). Seed 0.1 draws negative weights
 * and solves the circle within ten iterations, so the tests use 0.1.
 */
class PlaygroundBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String CIRCLE = "dataset=circle&x=false&y=false&xSquared=true&ySquared=true&networkShape=&activation=linear"
            + "&learningRate=0.03&seed=0.1";
    private static final String XOR = "dataset=xor&x=true&y=true&networkShape=&activation=linear&learningRate=0.03&seed=0.1";

    private static PlaygroundServer server;
    private static ChromeDriverService service;
    private static WebDriver driver;
    private static Path profile;

    @BeforeAll
    static void start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: install Debian's chromium and chromium-driver (.ci/run does)");
        }
        Assumptions.assumeTrue(present, "no " + CHROMIUM + " / " + CHROMEDRIVER + ": install chromium and chromium-driver to run the browser tests");
        server = new PlaygroundServer("127.0.0.1", 0, 2);
        profile = Files.createTempDirectory("keras4j-playground-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (server != null) {
            server.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** Opens the page with {@code hash} (from a blank page, so a new hash is a new load) and waits for its first frame. */
    private static void open(String hash) {
        driver.get("about:blank");
        driver.get("http://127.0.0.1:" + server.port() + "/#" + hash);
        waitFor(Duration.ofSeconds(60), () -> frames() > 0);
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static long frames() {
        return ((Number) js("return window.playground ? window.playground.frames : 0")).longValue();
    }

    private static void waitFor(Duration timeout, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, timeout, Duration.ofMillis(50)).until(d -> condition.getAsBoolean());
    }

    /** Every {iteration, train loss, test loss} the page has received. */
    @SuppressWarnings("unchecked")
    private static List<List<Number>> history() {
        return (List<List<Number>>) js("return window.playground.history");
    }

    private static int lastIteration() {
        List<List<Number>> h = history();
        return h.isEmpty() ? 0 : h.get(h.size() - 1).get(0).intValue();
    }

    private static String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private static void pause() {
        if (driver.findElement(By.id("play-pause-button")).getAttribute("class").contains("playing")) {
            driver.findElement(By.id("play-pause-button")).click();
        }
        waitFor(Duration.ofSeconds(20), () -> !driver.findElement(By.id("play-pause-button")).getAttribute("class").contains("playing"));
    }

    @Test
    void circleFromSquaredFeaturesFallsBelowTestLoss0Point05Within200Iterations() {
        open(CIRCLE);
        assertEquals("000,000", text("iter-number"));
        driver.findElement(By.id("play-pause-button")).click();
        waitFor(Duration.ofSeconds(90), () -> history().stream().anyMatch(p -> p.get(2).doubleValue() < 0.05) || lastIteration() > 200);
        int first = history().stream().filter(p -> p.get(2).doubleValue() < 0.05).mapToInt(p -> p.get(0).intValue()).findFirst().orElse(-1);
        pause();
        assertTrue(first > 0 && first <= 200, "first iteration with test loss below 0.05: " + first);
        double shown = Double.parseDouble(text("loss-test"));
        assertTrue(shown < 0.05, "#loss-test shows " + shown);
        assertTrue(text("loss-test").matches("\\d\\.\\d{3}"), "three decimals, as the Playground: " + text("loss-test"));
    }

    @Test
    void xorFromX1AndX2AloneStaysAboveTestLoss0Point4() {
        open(XOR);
        driver.findElement(By.id("play-pause-button")).click();
        waitFor(Duration.ofSeconds(90), () -> lastIteration() >= 200);
        pause();
        List<List<Number>> h = history();
        assertTrue(h.stream().filter(p -> p.get(0).intValue() >= 1).allMatch(p -> p.get(2).doubleValue() > 0.4),
                "a line cannot split XOR, yet some test loss fell to " + h.stream().mapToDouble(p -> p.get(2).doubleValue()).min().orElse(-1));
        assertTrue(Double.parseDouble(text("loss-test")) > 0.4);
    }

    @Test
    void aScreenshotShowsAHeatmapOfBothClasses() throws IOException {
        open("dataset=circle&networkShape=4&seed=0.1&showTestData=true");
        driver.findElement(By.id("play-pause-button")).click();
        // trained until confident, so the regions wear the scale's full colours, not the grey of an undecided output
        waitFor(Duration.ofSeconds(90), () -> history().stream().anyMatch(p -> p.get(2).doubleValue() < 0.05));
        pause();
        waitFor(Duration.ofSeconds(30), () -> text("iter-number").equals(String.format("%06d", lastIteration()).replaceAll("(\\d{3})(\\d{3})", "$1,$2")));
        Path shots = Path.of(System.getProperty("basedir", "."), "target");
        Files.createDirectories(shots);
        Files.write(shots.resolve("playground-screenshot.png"), ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        BufferedImage heatmap = ImageIO.read(new ByteArrayInputStream(driver.findElement(By.id("heatmap")).getScreenshotAs(OutputType.BYTES)));
        int orange = 0;
        int blue = 0;
        for (int y = 0; y < heatmap.getHeight(); y += 3) {
            for (int x = 0; x < heatmap.getWidth(); x += 3) {
                int rgb = heatmap.getRGB(x, y);
                int r = rgb >> 16 & 255;
                int b = rgb & 255;
                orange += r > b + 40 ? 1 : 0;
                blue += b > r + 40 ? 1 : 0;
            }
        }
        int samples = (heatmap.getWidth() / 3 + 1) * (heatmap.getHeight() / 3 + 1);
        assertTrue(orange > samples / 20 && blue > samples / 20, "orange " + orange + ", blue " + blue + " of " + samples + " samples");
    }

    @Test
    void twoTabsTrainIndependently() {
        open(CIRCLE);
        String first = driver.getWindowHandle();
        String firstSession = (String) js("return window.playground.sessionId");
        driver.findElement(By.id("play-pause-button")).click();
        waitFor(Duration.ofSeconds(60), () -> lastIteration() >= 20);
        driver.switchTo().newWindow(WindowType.TAB);
        try {
            driver.get("http://127.0.0.1:" + server.port() + "/#" + XOR);
            waitFor(Duration.ofSeconds(60), () -> frames() > 0);
            assertNotEquals(firstSession, js("return window.playground.sessionId"));
            assertEquals("000,000", text("iter-number"), "the second tab starts at iteration 0 while the first trains");
            driver.findElement(By.id("next-step-button")).click();
            waitFor(Duration.ofSeconds(30), () -> text("iter-number").equals("000,001"));
            assertTrue(Double.parseDouble(text("loss-test")) > 0.4, "XOR's own loss, not the circle's");
        } finally {
            driver.close();
            driver.switchTo().window(first);
        }
        int before = lastIteration();
        waitFor(Duration.ofSeconds(60), () -> lastIteration() > before + 5);
        pause();
        assertTrue(history().get(history().size() - 1).get(2).doubleValue() < 0.05, "the first tab kept training its circle");
    }

    @Test
    void aBadHashShowsAMessageAndAWorkingPage() {
        open("dataset=moons&seed=0.1");
        assertEquals("This link's settings cannot be used: Unknown dataset 'moons'. Known: circle, xor, gauss, spiral. "
                + "Showing the Playground's defaults instead.", text("message"));
        assertFalse(driver.getCurrentUrl().contains("moons"), "the page shows, and links to, the defaults");
        driver.findElement(By.id("next-step-button")).click();
        waitFor(Duration.ofSeconds(30), () -> text("iter-number").equals("000,001"));
        assertTrue(text("loss-test").matches("\\d\\.\\d{3}"));
    }
}
