package io.moselle.cin7.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.moselle.cin7.client.model.Branch;
import io.moselle.cin7.client.model.SalesOrder;
import io.moselle.cin7.testing.FakeClock;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client against WireMock: the exact requests it sends and how it reads every kind of answer. */
class Cin7ClientHttpTest {
    static final String USER = "AcmeNZ";
    static final String KEY = "s3cr3t-api-key-0123456789";
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final FakeClock clock = new FakeClock(NOW);
    final List<String> events = new CopyOnWriteArrayList<>();

    Cin7Client.Builder clientBuilder() {
        return Cin7Client.builder()
                .baseUri(wm.baseUrl() + "/api/")
                .credentials(Credentials.of(USER, KEY))
                .httpVersion(HttpClient.Version.HTTP_1_1)
                .requestTimeout(Duration.ofSeconds(2))
                .clock(clock)
                .sleeper(clock.sleeper())
                .random(() -> 0.0)
                .listener(new Cin7ClientListener() {
                    @Override
                    public void requestSent(String method, String path, int attempt) {
                        events.add("sent " + method + " " + path + " #" + attempt);
                    }

                    @Override
                    public void responseReceived(String method, String path, int attempt, int status, Duration elapsed) {
                        events.add("received " + status + " #" + attempt);
                    }

                    @Override
                    public void requestFailed(String method, String path, int attempt, String reason, Duration elapsed) {
                        events.add("failed #" + attempt + " " + reason);
                    }

                    @Override
                    public void retryScheduled(String method, String path, int attempt, String reason, Duration delay) {
                        events.add("retry " + reason + " after " + delay.toMillis() + "ms");
                    }

                    @Override
                    public void throttled(String method, String path, Duration wait) {
                        events.add("throttled " + wait.toMillis() + "ms");
                    }
                });
    }

    Cin7Client client() {
        return clientBuilder().build();
    }

    static String branches(int fromId, int count) {
        return IntStream.range(fromId, fromId + count)
                .mapToObj(id -> "{\"id\":" + id + ",\"company\":\"Branch " + id + "\",\"isActive\":true}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void sendsTheExactRequest() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/SalesOrders")).willReturn(okJson("[]")));
        Instant from = Instant.parse("2026-08-29T10:00:00Z");
        ListQuery query = ListQuery.builder()
                .where(Where.field("modifiedDate").atLeast(from).and(Where.field("source").eq("it's POS")))
                .fields("id", "reference", "modifiedDate")
                .build();

        assertThat(client().salesOrders().list(query).stream()).isEmpty();

        List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        LoggedRequest r = requests.get(0);
        assertThat(r.getMethod().getName()).isEqualTo("GET");
        assertThat(r.getUrl()).startsWith("/api/v1/SalesOrders?")
                .doesNotContain("+")
                .contains("where=modifiedDate%3E%3D%272026-08-29T10%3A00%3A00Z%27%20AND%20source%3D%27it%27%27s%20POS%27");
        assertThat(r.queryParameter("where").firstValue()).isEqualTo("modifiedDate>='2026-08-29T10:00:00Z' AND source='it''s POS'");
        assertThat(r.queryParameter("order").firstValue()).isEqualTo("id ASC");
        assertThat(r.queryParameter("fields").firstValue()).isEqualTo("id,reference,modifiedDate");
        assertThat(r.queryParameter("page").firstValue()).isEqualTo("1");
        assertThat(r.queryParameter("rows").firstValue()).isEqualTo("250");
        assertThat(r.getHeader("Authorization")).isEqualTo(Credentials.of(USER, KEY).basicAuthorization());
        assertThat(r.getHeader("Accept")).isEqualTo("application/json");
        assertThat(r.getHeader("User-Agent")).isEqualTo(Cin7Client.DEFAULT_USER_AGENT);
    }

    @Test
    void aCheckBeforeEachRequestCanAbandonARetryUnsent() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/Branches")).willReturn(aResponse().withStatus(503)));
        java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
        Cin7Client client = clientBuilder().beforeEachRequest(() -> {
            if (checks.incrementAndGet() == 2) {
                throw new IllegalStateException("the caller may not send any more");
            }
        }).build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.branches().list(ListQuery.builder().afterId(0).build()).stream().count())
                .isInstanceOf(IllegalStateException.class).hasMessage("the caller may not send any more");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).as("the retry was not sent").hasSize(1);
    }

    @Test
    void sendsTheUserAgentItIsGivenAndRefusesOneThatWouldInjectAHeader() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/Branches")).willReturn(okJson("[]")));
        clientBuilder().userAgent("moselle-cin7-sync (replica-2; tenant:acme #7)").build().branches()
                .list(ListQuery.builder().afterId(0).build()).stream().count();
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).singleElement()
                .satisfies(r -> assertThat(r.getHeader("User-Agent")).isEqualTo("moselle-cin7-sync (replica-2; tenant:acme #7)"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> clientBuilder().userAgent("x\r\nX-Evil: 1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userAgent must be printable ASCII and not blank");
    }

    @Test
    void keysetPagingAsksForIdsAfterTheLastOneSeen() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/Branches")).atPriority(5).willReturn(okJson("[]")));
        wm.stubFor(get(urlPathEqualTo("/api/v1/Branches")).withQueryParam("where", equalTo("id>0"))
                .willReturn(okJson(branches(1, 250))));
        wm.stubFor(get(urlPathEqualTo("/api/v1/Branches")).withQueryParam("where", equalTo("id>250"))
                .willReturn(okJson(branches(251, 10))));

        List<Long> ids = client().branches().list(ListQuery.builder().afterId(0).build()).stream().map(Branch::id).toList();

        assertThat(ids).hasSize(260);
        List<LoggedRequest> requests = wm.findAll(getRequestedFor(urlPathEqualTo("/api/v1/Branches")));
        assertThat(requests).extracting(r -> r.queryParameter("where").firstValue()).containsExactly("id>0", "id>250");
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.queryParameter("order").firstValue()).isEqualTo("id ASC");
            assertThat(r.queryParameter("page").firstValue()).isEqualTo("1");
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 250, 251, 1000})
    void listingTakesTheMinimumNumberOfCalls(int total) {
        for (int page = 1; page <= total / 250 + 1; page++) {
            int from = (page - 1) * 250 + 1;
            int count = Math.max(0, Math.min(250, total - from + 1));
            wm.stubFor(get(urlPathEqualTo("/api/v1/Branches")).withQueryParam("page", equalTo(Integer.toString(page)))
                    .willReturn(okJson(branches(from, count))));
        }

        assertThat(client().branches().list().stream().count()).isEqualTo(total);

        int expectedCalls = (int) Math.ceil(total / 250.0) + (total % 250 == 0 ? 1 : 0);
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(expectedCalls);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 405, 418})
    void clientErrorsAreNeverRetried(int status) {
        wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(status).withBody("{\"message\":\"nope " + status + "\"}")));
        Class<? extends Cin7ApiException> expected = switch (status) {
            case 400 -> BadRequestException.class;
            case 401 -> AuthenticationException.class;
            case 403 -> PermissionDeniedException.class;
            case 404 -> NotFoundException.class;
            default -> UnexpectedStatusException.class;
        };

        assertThatThrownBy(() -> client().products().list().stream().count())
                .isInstanceOf(expected)
                .hasMessageStartingWith("GET v1/Products?order=id ASC&page=1&rows=250 " + status + ": {\"message\":\"nope " + status + "\"}")
                .satisfies(e -> assertThat(((Cin7ApiException) e).statusCode()).isEqualTo(status));
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsAreRetriedWithExponentialBackoff(int status) {
        wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(status).withBody("down")));

        assertThatThrownBy(() -> client().stock().list().stream().count())
                .isInstanceOf(ServerException.class).hasMessageContaining(" " + status + ": down");

        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(5);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void backoffIsCappedAndJittered() {
        RetryPolicy policy = RetryPolicy.defaults().withDelays(Duration.ofSeconds(1), Duration.ofSeconds(5)).withJitter(0.5);
        assertThat(policy.backoff(1, 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(3, 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoff(4, 0.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.backoff(30, 0.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.backoff(4, 0.999)).isBetween(Duration.ofMillis(2500), Duration.ofMillis(2510));
    }

    @Test
    void recoversWhenAFailureIsFollowedBySuccess() {
        wm.stubFor(get(anyUrl()).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        wm.stubFor(get(anyUrl()).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(200).withBody("[{\"id\":1,\"company\":\"Main\"},")).willSetStateTo("third"));
        wm.stubFor(get(anyUrl()).inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(okJson(branches(1, 2))));

        assertThat(client().branches().list().stream().map(Branch::id)).containsExactly(1L, 2L);

        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(3);
        assertThat(events).filteredOn(e -> e.startsWith("retry"))
                .containsExactly("retry HTTP 503 after 1000ms", "retry body cut short after 2000ms");
    }

    @Test
    void droppedConnectionsAreRetried() {
        wm.stubFor(get(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> client().branches().list().stream().count())
                .isInstanceOf(Cin7IoException.class).hasMessageStartingWith("GET v1/Branches");
        // the JDK client may itself resend an idempotent GET once, so count our attempts, not the server's
        assertThat(events).filteredOn(e -> e.startsWith("retry I/O error")).hasSize(4);
        assertThat(events).filteredOn(e -> e.startsWith("failed #")).as("every attempt without a response is reported")
                .hasSize(5).allSatisfy(e -> assertThat(e).contains("I/O error")).last().asString().startsWith("failed #5");
    }

    @Test
    void timeoutsAreRetried() {
        wm.stubFor(get(anyUrl()).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("[]").withFixedDelay(2_500)).willSetStateTo("fast"));
        wm.stubFor(get(anyUrl()).inScenario("slow").whenScenarioStateIs("fast").willReturn(okJson(branches(1, 1))));

        assertThat(clientBuilder().requestTimeout(Duration.ofMillis(300)).build().branches().list().stream()).hasSize(1);
        assertThat(events).anySatisfy(e -> assertThat(e).startsWith("retry timeout"));
        assertThat(events).containsSubsequence("sent GET v1/Branches?order=id ASC&page=1&rows=250 #1", "failed #1 timeout",
                "sent GET v1/Branches?order=id ASC&page=1&rows=250 #2", "received 200 #2");
    }

    @Test
    void retryAfterInSecondsIsHonoured() {
        wm.stubFor(get(anyUrl()).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("Too many requests")).willSetStateTo("ok"));
        wm.stubFor(get(anyUrl()).inScenario("429").whenScenarioStateIs("ok").willReturn(okJson("[]")));

        assertThat(client().branches().list().stream()).isEmpty();
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsHttpDateIsHonoured() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(12).atOffset(ZoneOffset.UTC));
        wm.stubFor(get(anyUrl()).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", date)).willSetStateTo("ok"));
        wm.stubFor(get(anyUrl()).inScenario("429").whenScenarioStateIs("ok").willReturn(okJson("[]")));

        client().branches().list().stream().count();
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(12));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "Retry-After {0} s is waited for")
    @ValueSource(ints = {60, 120})
    void aRetryAfterUpToTheTwoMinuteCapIsWaitedFor(int seconds) {
        wm.stubFor(get(anyUrl()).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", Integer.toString(seconds))).willSetStateTo("ok"));
        wm.stubFor(get(anyUrl()).inScenario("429").whenScenarioStateIs("ok").willReturn(okJson("[]")));

        client().branches().list().stream().count();
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(seconds));
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "Retry-After {0}")
    @ValueSource(strings = {"121", "18000", "5 Hours"})
    void a429AskingToWaitLongerThanTheCapIsThrownAtOnceWithTheWait(String header) {
        wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", header)
                .withBody("Rate limit exceeded. Retry after some time.")));

        assertThatThrownBy(() -> client().branches().list().stream().count())
                .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.retryAfter()).hasValueSatisfying(
                        wait -> assertThat(wait).isGreaterThan(Duration.ofMinutes(2))));
        assertThat(clock.sleeps()).as("nobody waits hours").isEmpty();
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void rateLimitWithoutRetryAfterBacksOffAndFinallyThrows() {
        wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(429).withBody("Rate limit exceeded")));

        assertThatThrownBy(() -> clientBuilder().retryPolicy(RetryPolicy.defaults().withMaxAttempts(3)).build()
                        .branches().list().stream().count())
                .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.retryAfter()).isEmpty())
                .hasMessageContaining("429: Rate limit exceeded");
        assertThat(clock.sleeps()).as("the backoffs, besides the short waits of the pace lowered after the refusal")
                .filteredOn(d -> d.compareTo(Duration.ofMillis(500)) > 0).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void retryAfterForms() {
        assertThat(RetryAfter.parse("30", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(" 5 seconds ", NOW)).contains(Duration.ofSeconds(5));
        assertThat(RetryAfter.parse("1.5", NOW)).contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.parse("60 Seconds", NOW)).contains(Duration.ofSeconds(60));
        assertThat(RetryAfter.parse("2 min", NOW)).contains(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("5 Hours", NOW)).contains(Duration.ofHours(5));
        assertThat(RetryAfter.parse("9999999", NOW)).as("a day at most").contains(Duration.ofDays(1));
        assertThat(RetryAfter.parse("Fri, 27 Nov 2026 10:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Fri, 27 Nov 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    }

    @Test
    void getReadsOneRecordAndTreatsMissingAsEmpty() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/SalesOrders/42")).willReturn(okJson("{\"id\":42,\"reference\":\"SO-42\"}")));
        wm.stubFor(get(urlPathEqualTo("/api/v1/SalesOrders/43")).willReturn(aResponse().withStatus(404)));
        wm.stubFor(get(urlPathEqualTo("/api/v1/SalesOrders/44")).willReturn(okJson("null")));

        assertThat(client().salesOrders().get(42)).map(SalesOrder::reference).contains("SO-42");
        assertThat(client().salesOrders().get(43)).isEmpty();
        assertThat(client().salesOrders().get(44)).isEmpty();
    }

    @Test
    void badBodiesRaiseInvalidResponseNamingResourcePageRecordAndField() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/SalesOrders")).willReturn(okJson(
                "[{\"id\":7,\"lineItems\":[]},{\"id\":8,\"lineItems\":[{\"code\":\"A\",\"qty\":\"lots\"}]}]")));
        assertThatThrownBy(() -> client().salesOrders().list().stream().count())
                .isInstanceOfSatisfying(InvalidResponseException.class, e -> {
                    assertThat(e.resource()).isEqualTo("v1/SalesOrders");
                    assertThat(e.page()).isEqualTo(1);
                    assertThat(e.recordId()).contains(8L);
                    assertThat(e.field()).isEqualTo("[1].lineItems[0].qty");
                })
                .hasMessageStartingWith("invalid response from v1/SalesOrders page 1 record id 8 field [1].lineItems[0].qty");
    }

    @Test
    void aTwoHundredWithAnErrorObjectIsInvalid() {
        wm.stubFor(get(anyUrl()).willReturn(okJson("{\"message\":\"Invalid column name 'modifedDate'.\"}")));
        assertThatThrownBy(() -> client().salesOrders().list().stream().count())
                .isInstanceOf(InvalidResponseException.class)
                .hasMessageContaining("expected a JSON array, got an error object: Invalid column name 'modifedDate'.");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void aMissingIdIsInvalid() {
        wm.stubFor(get(anyUrl()).willReturn(okJson("[{\"reference\":\"x\"}]")));
        assertThatThrownBy(() -> client().salesOrders().list().stream().count())
                .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("[0].id"));
    }

    @Test
    void aTruncatedBodyIsRetriedThenReportedAsIo() {
        wm.stubFor(get(anyUrl()).willReturn(okJson("[{\"id\":1},{\"id\"")));
        assertThatThrownBy(() -> clientBuilder().retryPolicy(RetryPolicy.defaults().withMaxAttempts(2)).build()
                        .branches().list().stream().count())
                .isInstanceOf(Cin7IoException.class).hasMessageContaining("body cut short");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void theApiKeyNeverLeaks() {
        wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(401).withBody("Unauthorized")));
        Cin7Client client = client();
        List<String> texts = new ArrayList<>();
        texts.add(client.toString());
        texts.add(Credentials.of(USER, KEY).toString());
        texts.addAll(events);
        try {
            client.branches().list().stream().count();
        } catch (Cin7Exception e) {
            texts.add(e.toString());
            texts.add(String.valueOf(e.getMessage()));
        }
        wm.stubFor(get(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try {
            clientBuilder().retryPolicy(RetryPolicy.none()).build().branches().list().stream().count();
        } catch (Cin7Exception e) {
            texts.add(e.toString());
        }
        texts.addAll(events);
        String base64Key = Credentials.of(USER, KEY).basicAuthorization().substring("Basic ".length());
        assertThat(texts).hasSizeGreaterThan(4).allSatisfy(t -> assertThat(t).doesNotContain(KEY).doesNotContain(base64Key));
    }

    @Test
    void everyResourceSendsOnlyGets() {
        wm.stubFor(get(anyUrl()).willReturn(okJson("[]")));
        Cin7Client client = client();
        for (Cin7ListResource<?> resource : List.of(client.branches(), client.products(), client.stock(), client.salesOrders(),
                client.purchaseOrders(), client.branchTransfers())) {
            resource.list().stream().count();
            if (resource instanceof Cin7Resource<?> r) {
                wm.stubFor(get(urlPathEqualTo("/api/" + r.path() + "/1")).willReturn(okJson("null")));
                r.get(1);
            }
        }
        List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(11).allSatisfy(r -> assertThat(r.getMethod().getName()).isEqualTo("GET"));
        assertThat(requests).extracting(LoggedRequest::getUrl).anySatisfy(u -> assertThat(u).startsWith("/api/v1/Stock?order=productOptionId%20ASC%2C%20branchId%20ASC"));
    }

    @Test
    void theTransportRefusesAnythingButGet() {
        var transport = new io.moselle.cin7.client.internal.JdkHttpTransport(HttpClient.newHttpClient());
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            assertThatThrownBy(() -> transport.send(new io.moselle.cin7.client.internal.HttpTransport.Request(
                    method, java.net.URI.create(wm.baseUrl() + "/api/v1/SalesOrders"), java.util.Map.of(), Duration.ofSeconds(1))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read-only");
        }
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void paceIsKeptBeforeSending() {
        wm.stubFor(get(anyUrl()).willReturn(okJson("[]")));
        Cin7Client client = clientBuilder().rateLimits(RateLimits.of(3, 60).withMargin(Duration.ZERO)).build();
        for (int i = 0; i < 4; i++) {
            client.branches().list().stream().count();
        }
        assertThat(events).filteredOn(e -> e.startsWith("throttled")).containsExactly("throttled 1000ms");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(4);
    }

    @Test
    void aClientWithoutLimitsPacesAtCin7sThreeASecond() {
        wm.stubFor(get(anyUrl()).willReturn(okJson("[]")));
        Cin7Client client = clientBuilder().build();
        for (int i = 0; i < 4; i++) {
            client.branches().list().stream().count();
        }
        assertThat(events).filteredOn(e -> e.startsWith("throttled")).containsExactly("throttled 1010ms");
    }

    @Test
    void aListenerOfItsOwnSharesTheLimiterAndSeesOnlyItsOwnCalls() {
        wm.stubFor(get(anyUrl()).willReturn(okJson("[]")));
        Cin7Client client = clientBuilder().rateLimits(RateLimits.of(3, 60).withMargin(Duration.ZERO)).build();
        List<String> mine = new CopyOnWriteArrayList<>();
        Cin7Client other = client.withListener(new Cin7ClientListener() {
            @Override
            public void requestSent(String method, String path, int attempt) {
                mine.add(path);
            }
        });
        client.branches().list().stream().count();
        client.branches().list().stream().count();
        other.salesOrders().list().stream().count();
        other.salesOrders().list().stream().count();

        assertThat(mine).containsExactly("v1/SalesOrders?order=id ASC&page=1&rows=250", "v1/SalesOrders?order=id ASC&page=1&rows=250");
        assertThat(events).filteredOn(e -> e.startsWith("sent")).hasSize(2);
        assertThat(clock.sleeps()).as("the fourth call waits for the window both clients share").containsExactly(Duration.ofSeconds(1));
        assertThat(other.toString()).isEqualTo(client.toString());
    }

    @Test
    void aSpentBudgetSendsNothing() {
        wm.stubFor(get(anyUrl()).willReturn(okJson("[]")));
        Cin7Client client = clientBuilder().callBudget(CallBudget.perUtcDay(1)).build();
        client.branches().list().stream().count();
        assertThatThrownBy(() -> client.branches().list().stream().count()).isInstanceOf(CallBudgetExhaustedException.class);
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void listenerSeesRequestsAndResponses() {
        wm.stubFor(get(anyUrl()).willReturn(okJson("[]")));
        client().branches().list().stream().count();
        assertThat(events).containsExactly("sent GET v1/Branches?order=id ASC&page=1&rows=250 #1", "received 200 #1");
    }
}
