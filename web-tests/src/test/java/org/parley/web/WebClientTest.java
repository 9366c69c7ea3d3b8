package org.parley.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.devstack.RunningParley;
import org.parley.devstack.ScenarioLoader;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The policy-desk web client in headless Chromium, against the real gateway and services on the dev stack,
 * with the seed article loaded as {@code ./parley run} loads it. One Parley and one browser for every
 * scenario; each scenario works on its own party, so their order does not matter. Each saves a screenshot
 * under {@code target/screenshots/} for a person to look at.
 */
@ExtendWith(RunningParley.class)
class WebClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration UI = Duration.ofSeconds(20);
    /** An alert travels service → outbox → Kafka → gateway → browser. */
    private static final Duration THROUGH_KAFKA = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** The seed is loaded with an admin dev token; every fact records the token's subject, not a client-chosen name. */
    private static final String SEED_SUBJECT = "dev-admin";
    private static ScenarioLoader seed;
    private static ChromeDriver browser;
    private static FluentWait<WebDriver> wait;
    private static String gateway;
    /** The bearer token the test's own API calls carry (another desk officer); none without access control. */
    private static Optional<String> token = Optional.empty();

    @BeforeAll
    static void seedAndOpenBrowser() throws Exception {
        gateway = RunningParley.gatewayUrl();
        seed = new ScenarioLoader(URI.create(gateway), RunningParley.token("admin"));
        seed.load(ScenarioLoader.bundledSeedArticle());

        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("parley.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        // Both paths explicit, so that Selenium Manager has nothing to look up or download.
        options.setBinary(System.getProperty("parley.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("parley-chromium"), "--window-size=1366,900");
        browser = new ChromeDriver(driver, options);
        // The page re-renders what it updates, so an element found a moment ago may be gone: look again.
        wait = new WebDriverWait(browser, UI).ignoring(StaleElementReferenceException.class);
        Files.createDirectories(SCREENSHOTS);

        JsonNode auth = get("/web/config.json").path("auth");
        if ("dev".equals(auth.path("mode").asText())) {
            token = Optional.of(devToken(auth.path("devTokenUrl").asText(), "analyst"));
            signInThroughThePage();
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theBoardOfTheUsProposalShowsRussiasStandOnTheWholeProposal() throws Exception {
        open("/proposals/" + seed.ref("proposal.us-plan"));
        WebElement russia = cell("ru");
        assertEquals("contested", russia.getAttribute("data-status"));
        assertTrue(russia.getText().contains("clauses undisclosed"), russia.getText());
        assertTrue(browser.findElement(By.id("board-legend")).getText().contains("undisclosed"), "the legend names every status in words");

        russia.click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.history")));
        wait.until(ExpectedConditions.textToBePresentInElement(dialog, "recorded by " + SEED_SUBJECT));
        assertTrue(dialog.getText().contains("Putin Rejects Key Points"), "the history shows each change's source: " + dialog.getText());
        screenshot("board-history");
        dialog.findElement(By.xpath(".//button[text()='Close']")).click();
        screenshot("board");
    }

    @Test
    void aPositionRecordedInThePageChangesTheBoardAndItsAlertArrivesLive() throws Exception {
        String talks = seed.ref("negotiation.talks");
        open("/proposals/" + seed.ref("proposal.us-plan"));
        waitForLiveStream();
        ((JavascriptExecutor) browser).executeScript("window.parleyNotReloaded = true");

        cell("ua").click();
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[data-form=position]")));
        new Select(form.findElement(By.name("status"))).selectByValue("rejected");
        form.findElement(By.name("note")).sendKeys("Recorded from the browser test");
        form.findElement(By.name("publication")).sendKeys("Parley web test");
        fill(form.findElement(By.name("recordedBy")), "desk.web-test");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(driver -> "rejected".equals(cell("ua").getAttribute("data-status")));
        JsonNode alert = waitForAlert(talks, "position_rejected", "Ukraine");
        String alertId = alert.path("id").asText();
        new WebDriverWait(browser, THROUGH_KAFKA).until(driver -> alertsShown(alertId) == 1);
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.parleyNotReloaded === true"),
                "the alert arrived without a reload");
        screenshot("live-alert");

        // After a reload the panel resumes from the history and the stream: the alert is there, once.
        browser.navigate().refresh();
        waitForLiveStream();
        wait.until(driver -> alertsShown(alertId) == 1);
        // An alert raised while the page is closed shows once the page is back, once, and the earlier one still once.
        browser.get("about:blank");
        recordProposalPosition("ua", "contested", "Moved back while the page was closed");
        String missed = waitForAlert(talks, "position_no_longer_rejected", "Ukraine").path("id").asText();
        open("/proposals/" + seed.ref("proposal.us-plan"));
        new WebDriverWait(browser, THROUGH_KAFKA).until(driver -> alertsShown(missed) == 1);
        // Counted once both the stream's replay (after Last-Event-ID) and the history have delivered it.
        new WebDriverWait(browser, THROUGH_KAFKA).until(driver -> "history stream".equals(deliveredBy(missed)));
        assertEquals(1, alertsShown(missed));
        assertEquals(1, alertsShown(alertId));
    }

    @Test
    void aStaleEditIsShownToTheUserAndOverwritesNothing() throws Exception {
        recordProposalPosition("us", "contested", "First stance, recorded elsewhere");
        open("/proposals/" + seed.ref("proposal.us-plan"));
        cell("us").click();
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[data-form=position]")));

        // Another desk officer changes the same position while the form is open.
        recordProposalPosition("us", "under_review", "Changed by another desk first");

        new Select(form.findElement(By.name("status"))).selectByValue("accepted");
        form.findElement(By.name("publication")).sendKeys("Parley web test");
        fill(form.findElement(By.name("recordedBy")), "desk.web-test");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement conflict = wait.until(ExpectedConditions.visibilityOf(form.findElement(By.cssSelector(".conflict"))));
        assertTrue(conflict.getText().contains("Someone else changed this position first"), conflict.getText());
        assertEquals("under review", conflict.findElement(By.cssSelector(".current-status")).getText());
        assertTrue(conflict.getText().contains("Changed by another desk first"), conflict.getText());
        screenshot("stale-edit");

        JsonNode stored = get("/api/v1/proposals/" + seed.ref("proposal.us-plan") + "/positions/" + seed.ref("party.us"));
        assertEquals("under_review", stored.path("status").asText(), "nothing was overwritten");
    }

    @Test
    void theTimelineListsTheKremlinMeetingWithDayOnlyPrecision() throws Exception {
        open("/");
        WebElement talks = browser.findElement(By.xpath("//main//tr[.//a[text()='U.S.-brokered talks to end the war in Ukraine']]"));
        assertTrue(talks.getText().contains("active"), talks.getText());
        assertTrue(talks.getText().contains("Russia (principal), Ukraine (principal), United States (mediator)"), talks.getText());
        screenshot("negotiations");
        talks.findElement(By.tagName("a")).click();
        WebElement kremlin = wait.until(driver -> driver.findElements(By.cssSelector(".entry[data-kind=meeting]")).stream()
                .filter(entry -> entry.getText().contains("Kremlin")).findFirst().orElse(null));
        assertEquals("12 March 2024 (day only)", kremlin.findElement(By.cssSelector(".when")).getText());
        List<String> whens = browser.findElements(By.cssSelector(".entry .when")).stream().map(WebElement::getText).toList();
        assertTrue(whens.contains("Thursday, as reported"), "the Kryvyi Rih strike keeps the article's words: " + whens);
        assertTrue(whens.stream().anyMatch(when -> when.startsWith("undated")), "undated strikes say so: " + whens);

        kremlin.findElement(By.xpath(".//button[text()='Sources']")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(kremlin, "Putin Rejects Key Points"));
        WebElement russiasStand = browser.findElements(By.cssSelector(".entry[data-kind=position_change]")).stream()
                .filter(entry -> entry.getText().contains("Russia: contested on the whole")).findFirst().orElseThrow();
        russiasStand.findElement(By.xpath(".//button[text()='Sources']")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(russiasStand, "Recorded by " + SEED_SUBJECT));
        assertTrue(russiasStand.getText().contains("remarks published on March 15, 2024"), russiasStand.getText());
        screenshot("timeline");
    }

    @Test
    void theDirectoryMeetingsAndIncidentsFilterAsTheApiDoes() throws Exception {
        open("/directory");
        WebElement search = browser.findElement(By.cssSelector("input[type=search]"));
        search.sendKeys("steve witk");
        wait.until(driver -> driver.findElements(By.cssSelector("table.list")).get(1).findElements(By.cssSelector("tbody tr")).size() == 1);
        assertTrue(browser.findElements(By.cssSelector("table.list")).get(1).getText().contains("Steve Witkoff"));
        screenshot("directory");

        open("/meetings");
        fill(browser.findElement(By.name("place")), "Kremlin");
        browser.findElement(By.cssSelector(".filter-bar button[type=submit]")).click();
        wait.until(driver -> driver.findElements(By.cssSelector("main tbody tr")).size() == 1);
        assertTrue(browser.findElement(By.cssSelector("main tbody")).getText().contains("Putin meets Witkoff and Kushner at the Kremlin"));
        screenshot("meetings");

        open("/incidents");
        fill(browser.findElement(By.name("city")), "Kryvyi Rih");
        browser.findElement(By.cssSelector(".filter-bar button[type=submit]")).click();
        wait.until(driver -> driver.findElements(By.cssSelector("main tbody tr")).size() == 1);
        browser.findElement(By.linkText("A missile strike in Kryvyi Rih")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "local officials"));
        assertTrue(browser.findElement(By.cssSelector("main")).getText().contains("6 injured"));
        screenshot("incident");

        // A tablet held upright: nothing wider than the screen, the alerts below the page.
        browser.manage().window().setSize(new Dimension(820, 1180));
        try {
            open("/proposals/" + seed.ref("proposal.us-plan"));
            cell("ru");
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
            assertEquals(Boolean.FALSE, overflow, "the board fits a tablet's width");
            screenshot("board-tablet");
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 900));
        }
    }

    @Test
    void theBoardFiltersClausesAndComparesTwoVersionsThroughClauseLineage() throws Exception {
        // A two-version proposal of its own, so that the seed's (which has no clauses) stays as the article has it.
        String v1 = post("/api/v1/proposals", Map.of("negotiationId", seed.ref("negotiation.talks"), "title", "Web test plan",
                "sponsorPartyId", seed.ref("party.us"), "version", 1, "status", "tabled"));
        String ceasefire = post("/api/v1/proposals/" + v1 + "/clauses", Map.of("label", "1", "heading", "Ceasefire", "text", "A ceasefire along the line of contact.", "topic", "ceasefire"));
        String sanctions = post("/api/v1/proposals/" + v1 + "/clauses", Map.of("label", "2", "heading", "Sanctions", "text", "Sanctions are lifted at once.", "topic", "sanctions"));
        post("/api/v1/proposals/" + v1 + "/clauses", Map.of("label", "3", "heading", "Elections", "text", "Elections within 100 days.", "topic", "elections"));
        String v2 = post("/api/v1/proposals", Map.of("negotiationId", seed.ref("negotiation.talks"), "title", "Web test plan",
                "sponsorPartyId", seed.ref("party.us"), "version", 2, "supersedesProposalId", v1, "status", "tabled"));
        String ceasefire2 = post("/api/v1/proposals/" + v2 + "/clauses", Map.of("label", "1", "heading", "Ceasefire", "text", "A ceasefire along the line of contact.", "topic", "ceasefire", "derivedFromClauseId", ceasefire));
        post("/api/v1/proposals/" + v2 + "/clauses", Map.of("label", "2", "heading", "Sanctions", "text", "Sanctions are lifted in stages.", "topic", "sanctions", "derivedFromClauseId", sanctions));
        post("/api/v1/proposals/" + v2 + "/clauses", Map.of("label", "3", "heading", "Reconstruction", "text", "A reconstruction fund.", "topic", "reconstruction"));
        put("/api/v1/clauses/" + ceasefire2 + "/positions/" + seed.ref("party.ru"), Map.of("status", "rejected", "recordedBy", "desk.elsewhere",
                "sources", List.of(Map.of("publication", "Parley web test"))));

        open("/proposals/" + v2);
        WebElement russiaOnCeasefire = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("button.cell[data-clause='" + ceasefire2 + "'][data-party=ru]")));
        assertEquals("rejected", russiaOnCeasefire.getAttribute("data-status"));
        assertEquals(4, browser.findElements(By.cssSelector("table.board tbody tr")).size(), "the whole-proposal row and three clauses");
        browser.findElement(By.id("only-disputed")).click();
        wait.until(driver -> driver.findElements(By.cssSelector("table.board tbody tr")).size() == 2);
        browser.findElement(By.xpath("//fieldset//label[normalize-space()='Russia']/input")).click();
        wait.until(driver -> driver.findElements(By.cssSelector("button.cell[data-party=ru]")).isEmpty());
        assertTrue(browser.findElement(By.cssSelector("table.board tbody")).getText().contains("No clause is contested or rejected by the parties shown"),
                "without Russia no clause is disputed");

        browser.findElement(By.linkText("Web test plan v1")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .summary"), "1 kept, 1 changed, 1 dropped, 1 added"));
        List<String> changes = browser.findElements(By.cssSelector("table.compare .tag")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("kept", "changed", "added", "dropped"), changes);
        screenshot("compare");
    }

    @Test
    void aMeetingAndAStatementAreRecordedFromTheNegotiationPage() throws Exception {
        open("/negotiations/" + seed.ref("negotiation.talks"));
        browser.findElement(By.xpath("//button[text()='Schedule a meeting']")).click();
        WebElement meeting = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//form[h3='Schedule a meeting']")));
        meeting.findElement(By.name("title")).sendKeys("Web test: Umerov meets Witkoff in Geneva");
        meeting.findElement(By.name("city")).sendKeys("Geneva");
        meeting.findElement(By.name("publication")).sendKeys("Parley web test");
        meeting.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(driver -> driver.findElements(By.cssSelector(".entry[data-kind=meeting]")).stream()
                .anyMatch(entry -> entry.getText().contains("Web test: Umerov meets Witkoff in Geneva")));

        browser.findElement(By.xpath("//button[text()='Add a statement']")).click();
        WebElement statement = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//form[h3='Add a statement']")));
        wait.until(driver -> !statement.findElements(By.xpath(".//option[text()='Rustem Umerov']")).isEmpty());
        new Select(statement.findElement(By.name("envoy"))).selectByVisibleText("Rustem Umerov");
        statement.findElement(By.name("quote")).sendKeys("A web test quote");
        statement.findElement(By.name("publication")).sendKeys("Parley web test");
        statement.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(driver -> driver.findElements(By.cssSelector(".entry[data-kind=statement]")).stream()
                .anyMatch(entry -> entry.getText().contains("A web test quote")));
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    /** A fresh page load each time, as a user opening a link would (the same hash again would change nothing). */
    private static void open(String route) {
        browser.get("about:blank");
        browser.get(gateway + "/#" + route);
        try {
            wait.until(driver -> driver.findElements(By.cssSelector("main [role=status]")).isEmpty()
                    && !driver.findElement(By.id("main")).getText().isBlank());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("The page " + route + " did not finish loading; it shows: " + browser.findElement(By.id("main")).getText(), e);
        }
    }

    private static WebElement cell(String partySlug) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("button.cell[data-clause=proposal][data-party=" + partySlug + "]")));
    }

    private static void fill(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private static void waitForLiveStream() {
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector(".stream-status"), "data-state", "live"));
    }

    private static long alertsShown(String alertId) {
        return browser.findElements(By.cssSelector(".alert-list li[data-alert-id='" + alertId + "']")).size();
    }

    /** Which of the panel's two sources delivered the alert: "history", "stream" or "history stream". */
    private static String deliveredBy(String alertId) {
        return browser.findElements(By.cssSelector(".alert-list li[data-alert-id='" + alertId + "']")).stream()
                .map(item -> item.getAttribute("data-via")).findFirst().orElse("");
    }

    private static void signInThroughThePage() {
        browser.get(gateway + "/#/sign-in");
        WebElement role = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("role")));
        new Select(role).selectByValue("analyst");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("session"), "analyst"));
    }

    /** The alert the server raised (read through the API), waited for since it is raised with the change. */
    private static JsonNode waitForAlert(String negotiation, String rule, String summaryPart) throws Exception {
        long deadline = System.nanoTime() + THROUGH_KAFKA.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode alert : get("/api/v1/alerts?negotiation=" + negotiation + "&rule=" + rule + "&sort=-raisedAt&size=5").path("items")) {
                if (alert.path("summary").asText().contains(summaryPart)) {
                    return alert;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No " + rule + " alert about " + summaryPart);
    }

    /** Records a party's stand on the seed proposal as another desk officer would, with the current ETag. */
    private static void recordProposalPosition(String partySlug, String status, String note) throws Exception {
        String path = "/api/v1/proposals/" + seed.ref("proposal.us-plan") + "/positions/" + seed.ref("party." + partySlug);
        HttpResponse<String> current = send(HttpRequest.newBuilder(URI.create(gateway + path)).GET());
        String body = JSON.writeValueAsString(Map.of("status", status, "note", note, "recordedBy", "desk.elsewhere",
                "sources", List.of(Map.of("publication", "Parley web test"))));
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(gateway + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        current.headers().firstValue("ETag").filter(etag -> current.statusCode() == 200).ifPresent(etag -> put.header("If-Match", etag));
        HttpResponse<String> response = send(put);
        assertTrue(response.statusCode() == 200 || response.statusCode() == 201, path + ": " + response.body());
    }

    private static String post(String path, Map<String, Object> body) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        assertEquals(201, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body()).path("id").asText();
    }

    private static void put(String path, Map<String, Object> body) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        assertTrue(response.statusCode() == 200 || response.statusCode() == 201, path + ": " + response.body());
    }

    private static JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gateway + path)).GET());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String devToken(String tokenUrl, String role) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(tokenUrl + "?role=" + role)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), tokenUrl + ": " + response.body());
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
