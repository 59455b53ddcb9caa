package io.moselle.cin7.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.moselle.cin7.client.Credentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * An in-process fake of the Cin7 Omni API v1, on a random loopback port, for tests, the demo
 * and benchmarks.
 *
 * <pre>{@code
 * try (Cin7OmniSimulator sim = Cin7OmniSimulator.start(DatasetSpec.demo(now))) {
 *     Cin7Client client = Cin7Client.builder().baseUri(sim.baseUri()).credentials(sim.credentials()).build();
 *     ...
 * }
 * }</pre>
 *
 * <p>What it does as Cin7 does: Basic auth (401), resources marked forbidden (403), bare JSON
 * arrays, {@code page}/{@code rows} ({@code rows} above 250 is served as 250; the default is
 * 50), the {@code where} subset of {@link WhereClause} (an unknown field or a syntax error
 * answers 400 with {@code {"message": ...}}), {@code order} with direction (without one:
 * newest id first), {@code fields} projection, camelCase JSON, UTC dates, upper-case statuses,
 * 429 with a plain-text body and {@code Retry-After} per credential, 404 for an unknown id. It
 * answers 405 to anything but GET. Several accounts may live in one simulator, each with its
 * own credentials, data and limits. Thread-safe; {@link #close()} stops the server.
 */
public final class Cin7OmniSimulator implements AutoCloseable {
    public static final String DEFAULT_USERNAME = "SimulatedAccount";
    public static final String DEFAULT_API_KEY = "sim-4f1e2d3c-api-key";

    private static final Map<String, String> RESOURCES = Map.of(
            "branches", SimulatedData.BRANCHES, "products", SimulatedData.PRODUCTS, "stock", SimulatedData.STOCK,
            "salesorders", SimulatedData.SALES_ORDERS, "purchaseorders", SimulatedData.PURCHASE_ORDERS,
            "branchtransfers", SimulatedData.BRANCH_TRANSFERS);

    private final SimulatorOptions options;
    private final WireMockServer server;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final List<JournalEntry> journal = new CopyOnWriteArrayList<>();
    private final ArrayDeque<FaultKind> scriptedFaults = new ArrayDeque<>();
    /** How often each exact request was answered: faults are drawn per request, not from one shared sequence. */
    private final Map<String, Integer> occurrences = new ConcurrentHashMap<>();
    /** How often each exact request was answered successfully: its latency is drawn per answer, like faults. */
    private final Map<String, Integer> latencyOccurrences = new ConcurrentHashMap<>();
    private final List<RequestHook> hooks = new CopyOnWriteArrayList<>();

    private static final class Account {
        final String apiKey;
        final SimulatedData data;
        final Set<String> forbidden = ConcurrentHashMap.newKeySet();
        final RateLimitWindows limits;
        final AtomicInteger requests = new AtomicInteger();

        Account(String apiKey, SimulatedData data, SimulatorOptions options) {
            this.apiKey = apiKey;
            this.data = data;
            this.limits = new RateLimitWindows(options);
        }
    }

    /** How long answers take now: the options' latency until {@link #changeLatency}. */
    private volatile Latency latency;

    private Cin7OmniSimulator(DatasetSpec spec, SimulatorOptions options) {
        this.options = options;
        this.latency = options.latency();
        accounts.put(DEFAULT_USERNAME, new Account(DEFAULT_API_KEY, new SimulatedData(spec), options));
        this.server = new WireMockServer(wireMockConfig()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(96)
                // with a latency, a reply held back holds no thread: thousands of requests may wait at once, as at Cin7
                .asynchronousResponseEnabled(!options.latency().equals(Latency.NONE))
                .asynchronousResponseThreads(4)
                .disableRequestJournal()
                .extensions(new Responder()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    /** Starts a simulator of one account with {@code spec}'s data, no rate limits and no faults. */
    public static Cin7OmniSimulator start(DatasetSpec spec) {
        return start(spec, SimulatorOptions.unlimited());
    }

    public static Cin7OmniSimulator start(DatasetSpec spec, SimulatorOptions options) {
        return new Cin7OmniSimulator(spec, options);
    }

    /** The API root, e.g. {@code http://127.0.0.1:53127/api/}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port() + "/api/");
    }

    /** The default account's credentials. */
    public Credentials credentials() {
        return Credentials.of(DEFAULT_USERNAME, DEFAULT_API_KEY);
    }

    /** The default account's data. */
    public SimulatedData data() {
        return accounts.get(DEFAULT_USERNAME).data;
    }

    /** Adds an account with its own credentials, data and rate limits; returns its data. */
    public SimulatedData addAccount(Credentials credentials, DatasetSpec spec) {
        Account account = new Account(credentials.apiKey(), new SimulatedData(spec), options);
        if (accounts.putIfAbsent(credentials.username(), account) != null) {
            throw new IllegalArgumentException("account " + credentials.username() + " exists already");
        }
        return account.data;
    }

    /** The data of the account {@code username}. */
    public SimulatedData data(String username) {
        return accounts.get(username).data;
    }

    /** Answers 403 to the default account for {@code resource} (e.g. {@code SalesOrders}). */
    public void forbid(String resource) {
        accounts.get(DEFAULT_USERNAME).forbidden.add(resource.toLowerCase(Locale.ROOT));
    }

    /**
     * Counts {@code calls} against today's limit of the account {@code username}, as calls made
     * earlier today by the customer's other apps: Cin7's limits are shared by every app of an account.
     */
    public void spendDailyCallsAsOtherApps(String username, int calls) {
        accounts.get(username).limits.spentByOthers(options.clock().millis(), calls);
    }

    /** The next replies, in order, get these faults (before any random ones). */
    public void injectFaults(FaultKind... faults) {
        synchronized (scriptedFaults) {
            scriptedFaults.addAll(Arrays.asList(faults));
        }
    }

    /** Runs {@code hook} before every authorised request is answered. */
    public void beforeEachRequest(RequestHook hook) {
        hooks.add(hook);
    }

    /** Every request received so far, in order of arrival. */
    public List<JournalEntry> journal() {
        return List.copyOf(journal);
    }

    public void clearJournal() {
        journal.clear();
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Responder implements ResponseDefinitionTransformerV2 {
        @Override
        public String getName() {
            return "cin7-omni-simulator";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            String url = request.getUrl();
            int q = url.indexOf('?');
            String path = q < 0 ? url : url.substring(0, q);
            Map<String, String> query = parseQuery(q < 0 ? "" : url.substring(q + 1));
            String resourcePath = path.startsWith("/api/") ? path.substring(5) : path;
            String method = request.getMethod().getName();
            java.time.Instant arrived = options.clock().instant();
            long arrivedNanos = System.nanoTime();
            String username = "";
            FaultKind fault = null;
            Reply reply;
            try {
                Account account = null;
                String[] auth = basicAuth(request.getHeader("Authorization"));
                if (auth != null) {
                    username = auth[0];
                    Account candidate = accounts.get(auth[0]);
                    account = candidate != null && candidate.apiKey.equals(auth[1]) ? candidate : null;
                }
                if (account == null) {
                    reply = Reply.json(401, "{\"message\":\"Authorization has been denied for this request.\"}");
                } else if (!method.equals("GET")) {
                    reply = Reply.json(405, "{\"message\":\"The simulator is read-only.\"}");
                } else {
                    String[] parts = resourcePath.split("/");
                    String resource = parts.length >= 2 && parts[0].equals("v1") ? RESOURCES.get(parts[1].toLowerCase(Locale.ROOT)) : null;
                    long wait = account.limits.tryAcquire(options.clock());
                    if (resource == null || parts.length > 3) {
                        reply = Reply.json(404, "{\"message\":\"No HTTP resource was found that matches the request URI.\"}");
                    } else if (account.forbidden.contains(resource.toLowerCase(Locale.ROOT))) {
                        reply = Reply.json(403, "{\"message\":\"The API connection has no read permission for " + resource + ".\"}");
                    } else if (wait > 0) {
                        reply = new Reply(429, "text/plain", "Too many requests. Slow down.".getBytes(StandardCharsets.UTF_8), wait);
                    } else {
                        int number = account.requests.incrementAndGet();
                        for (RequestHook hook : hooks) {
                            hook.beforeRequest(number, resourcePath, query, account.data);
                        }
                        fault = nextFault(username + " " + resourcePath + "?" + new java.util.TreeMap<>(query));
                        reply = answer(account.data, resource, parts.length == 3 ? parts[2] : null, query);
                    }
                }
            } catch (BadQueryException e) {
                reply = Reply.json(400, messageJson(e.getMessage()));
            }
            Duration latency;
            Duration holdBack;
            if (fault == FaultKind.SLOW_REPLY) {
                latency = holdBack = options.slowReplyDelay();
            } else {
                latency = latencyOf(reply, username, resourcePath, query);
                holdBack = latency.minusNanos(System.nanoTime() - arrivedNanos); // the simulator's own work counts towards it
            }
            ResponseDefinition response = render(reply, fault, holdBack);
            journal.add(new JournalEntry(method, resourcePath, query, fault == FaultKind.DROPPED_CONNECTION ? 0 : response.getStatus(),
                    username, fault, arrived, latency, java.util.Objects.requireNonNullElse(request.getHeader("User-Agent"), ""),
                    reply.rows()));
            return response;
        }
    }

    private record Reply(int status, String contentType, byte[] body, long retryAfterSeconds, int rows) {
        Reply(int status, String contentType, byte[] body, long retryAfterSeconds) {
            this(status, contentType, body, retryAfterSeconds, 0);
        }

        static Reply json(int status, String body) {
            return new Reply(status, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), 0);
        }
    }

    /** A successful answer takes the configured latency; refusals and errors come at once, as Cin7's do. */
    private Duration latencyOf(Reply reply, String username, String resourcePath, Map<String, String> query) {
        Latency now = latency;
        if (reply.status() != 200 || now.equals(Latency.NONE)) {
            return Duration.ZERO;
        }
        String request = username + " " + resourcePath + "?" + new java.util.TreeMap<>(query);
        return now.of(request, latencyOccurrences.merge(request, 1, Integer::sum), reply.rows());
    }

    /** From now on, answers take {@code latency}: Cin7 getting slower or faster during a run. */
    public void changeLatency(Latency latency) {
        this.latency = java.util.Objects.requireNonNull(latency, "latency");
    }

    private Reply answer(SimulatedData data, String resource, String id, Map<String, String> query) {
        Table table = data.table(resource);
        if (id != null) {
            long key;
            try {
                key = Long.parseLong(id);
            } catch (NumberFormatException e) {
                throw new BadQueryException("The value '" + id + "' is not valid for id.");
            }
            ObjectNode record = table.hasIds ? table.get(key, data.now()) : null;
            return record == null
                    ? Reply.json(404, "{\"message\":\"No " + resource + " record with id " + key + ".\"}")
                    : new Reply(200, "application/json; charset=utf-8", write(List.of(record), null, false), 0);
        }
        List<String> fields = projection(query.get("fields"), table);
        List<ObjectNode> page = ListQueryEngine.list(table, query, data.now());
        return new Reply(200, "application/json; charset=utf-8", write(page, fields, true), 0, page.size());
    }

    private static List<String> projection(String text, Table table) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .map(f -> table.fields.resolve(f).orElseThrow(() -> new BadQueryException("Invalid column name '" + f + "' in fields.")))
                .collect(Collectors.toList());
    }

    private static byte[] write(List<ObjectNode> records, List<String> fields, boolean asArray) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 + records.size() * 512);
        try (JsonGenerator json = SimulatedData.JSON.getFactory().createGenerator(out)) {
            if (asArray) {
                json.writeStartArray();
            }
            for (ObjectNode record : records) {
                if (fields == null) {
                    json.writeTree(record);
                } else {
                    json.writeStartObject();
                    for (String f : fields) {
                        if (record.has(f)) {
                            json.writeFieldName(f);
                            json.writeTree(record.get(f));
                        }
                    }
                    json.writeEndObject();
                }
            }
            if (asArray) {
                json.writeEndArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The scripted faults first; then a random one, drawn from the seed, the request and how often
     * this very request came before, so that the same requests get the same faults whatever order
     * concurrent requests arrive in.
     */
    private FaultKind nextFault(String request) {
        synchronized (scriptedFaults) {
            if (!scriptedFaults.isEmpty()) {
                return scriptedFaults.poll();
            }
        }
        if (options.faultRates().isEmpty()) {
            return null;
        }
        double roll = Seeded.draw(options.faultSeed(), request, occurrences.merge(request, 1, Integer::sum));
        for (Map.Entry<FaultKind, Double> rate : options.faultRates().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).collect(Collectors.toList())) {
            roll -= rate.getValue();
            if (roll < 0) {
                return rate.getKey();
            }
        }
        return null;
    }

    private ResponseDefinition render(Reply reply, FaultKind fault, Duration latency) {
        if (fault != null && reply.status() == 200) {
            switch (fault) {
                case HTTP_500, HTTP_502, HTTP_503 -> {
                    int status = Integer.parseInt(fault.name().substring(5));
                    return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "text/html")
                            .withBody("<html><body>Service Unavailable</body></html>").build();
                }
                case RATE_LIMITED -> {
                    return new ResponseDefinitionBuilder().withStatus(429).withHeader("Content-Type", "text/plain")
                            .withHeader("Retry-After", "1").withBody("Too many requests. Slow down.").build();
                }
                case DROPPED_CONNECTION -> {
                    return new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
                }
                case TRUNCATED_BODY -> {
                    return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", reply.contentType())
                            .withBody(Arrays.copyOf(reply.body(), Math.max(1, reply.body().length / 2))).build();
                }
                case SLOW_REPLY -> {
                    return base(reply).withFixedDelay((int) latency.toMillis()).build();
                }
                default -> throw new IllegalStateException(fault.name());
            }
        }
        return latency.toMillis() <= 0 ? base(reply).build() : base(reply).withFixedDelay((int) latency.toMillis()).build();
    }

    private static ResponseDefinitionBuilder base(Reply reply) {
        ResponseDefinitionBuilder b = new ResponseDefinitionBuilder().withStatus(reply.status())
                .withHeader("Content-Type", reply.contentType()).withBody(reply.body());
        if (reply.retryAfterSeconds() > 0) {
            b.withHeader("Retry-After", Long.toString(reply.retryAfterSeconds()));
        }
        return b;
    }

    private static String[] basicAuth(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name.toLowerCase(Locale.ROOT), value);
        }
        return params;
    }

    private static String messageJson(String message) {
        return SimulatedData.JSON.createObjectNode().put("message", message).toString();
    }
}
