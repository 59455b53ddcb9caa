package io.moselle.cin7.client;

import io.moselle.cin7.client.internal.HttpTransport;
import io.moselle.cin7.client.internal.JdkHttpTransport;
import io.moselle.cin7.client.model.Branch;
import io.moselle.cin7.client.model.BranchTransfer;
import io.moselle.cin7.client.model.Product;
import io.moselle.cin7.client.model.PurchaseOrder;
import io.moselle.cin7.client.model.SalesOrder;
import io.moselle.cin7.client.model.StockItem;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * A typed, read-only client of the Cin7 Omni REST API v1.
 *
 * <pre>{@code
 * Cin7Client cin7 = Cin7Client.builder()
 *         .credentials(Credentials.of("MyCompanyNZ", apiKey))
 *         .build();
 * for (SalesOrder order : cin7.salesOrders().list(query)) { ... }
 * }</pre>
 *
 * <p>Every request is paced by the {@link Cin7RateLimiter} before it is sent and retried per the
 * {@link RetryPolicy}. There is no write method, and the transport refuses anything but GET.
 * The client is immutable and thread-safe; build one per API connection and share it. It holds
 * no resource that needs closing: clients built with the default connect timeout and HTTP
 * version share one JDK HTTP client (one connection pool, one set of threads) per process.
 */
public final class Cin7Client {
    /** Cin7 Omni's production API. */
    public static final URI DEFAULT_BASE_URI = URI.create("https://api.cin7.com/api/");
    /** The {@code User-Agent} a client sends unless {@link Builder#userAgent} says otherwise. */
    public static final String DEFAULT_USER_AGENT = "moselle-cin7-client";

    private final RequestExecutor executor;
    private final Cin7Resource<Branch> branches;
    private final Cin7Resource<Product> products;
    private final Cin7ListResource<StockItem> stock;
    private final Cin7Resource<SalesOrder> salesOrders;
    private final Cin7Resource<PurchaseOrder> purchaseOrders;
    private final Cin7Resource<BranchTransfer> branchTransfers;

    private Cin7Client(RequestExecutor executor) {
        this.executor = executor;
        this.branches = new RecordResourceClient<>("v1/Branches", Branch.class, executor);
        this.products = new RecordResourceClient<>("v1/Products", Product.class, executor);
        this.stock = new ResourceClient<>("v1/Stock", StockItem.class, Order.asc("productOptionId").thenAsc("branchId"), executor);
        this.salesOrders = new RecordResourceClient<>("v1/SalesOrders", SalesOrder.class, executor);
        this.purchaseOrders = new RecordResourceClient<>("v1/PurchaseOrders", PurchaseOrder.class, executor);
        this.branchTransfers = new RecordResourceClient<>("v1/BranchTransfers", BranchTransfer.class, executor);
    }

    /** A builder; credentials are required, everything else has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code v1/Branches}: warehouses, stores and other locations. */
    public Cin7Resource<Branch> branches() {
        return branches;
    }

    /** {@code v1/Products}, each with its product options. */
    public Cin7Resource<Product> products() {
        return products;
    }

    /** {@code v1/Stock}: one row per product option per branch; no by-id route. Default order: productOptionId, branchId. */
    public Cin7ListResource<StockItem> stock() {
        return stock;
    }

    /** {@code v1/SalesOrders}. */
    public Cin7Resource<SalesOrder> salesOrders() {
        return salesOrders;
    }

    /** {@code v1/PurchaseOrders}. */
    public Cin7Resource<PurchaseOrder> purchaseOrders() {
        return purchaseOrders;
    }

    /** {@code v1/BranchTransfers}. */
    public Cin7Resource<BranchTransfer> branchTransfers() {
        return branchTransfers;
    }

    /**
     * A client sharing everything with this one (connection pool, rate limiter, call budget,
     * retry policy) that reports its traffic to {@code listener} instead. Cheap: use it to credit
     * calls to the part of a program that made them.
     */
    public Cin7Client withListener(Cin7ClientListener listener) {
        return new Cin7Client(executor.withListener(Objects.requireNonNull(listener, "listener")));
    }

    /** The API root the client sends to. */
    public URI baseUri() {
        return executor.baseUri();
    }

    /** The API username (the key is not exposed here). */
    public String username() {
        return executor.username();
    }

    @Override
    public String toString() {
        return "Cin7Client{baseUri=" + baseUri() + ", username=" + username() + "}";
    }

    /**
     * The settings of how a client reaches Cin7: where, how long to wait, how to retry, and the
     * clock and sleeper it waits on. They are the ones a host sets when something else, such as
     * the sync engine, builds the clients and sets their credentials, pacing and listener.
     */
    public interface Options {
        /** The API root, default {@code https://api.cin7.com/api/}. HTTPS unless the host is loopback. */
        Options baseUri(URI baseUri);

        /** The API root as text; see {@link #baseUri(URI)}. */
        Options baseUri(String baseUri);

        /** How long to wait for a TCP/TLS connection; default 10 s. Not together with {@link #httpClient}. */
        Options connectTimeout(Duration connectTimeout);

        /** How long one request may take until its response headers; default 60 s. */
        Options requestTimeout(Duration requestTimeout);

        /** Which failures are retried, and after how long; default {@link RetryPolicy#defaults()}. */
        Options retryPolicy(RetryPolicy retryPolicy);

        /**
         * The HTTP version to ask for; default HTTP/1.1. At a few calls a second per connection
         * HTTP/2 gains nothing, and one HTTP/2 connection shared by many tenants fails requests
         * beyond the server's limit of concurrent streams. Not together with {@link #httpClient}.
         */
        Options httpVersion(HttpClient.Version httpVersion);

        /**
         * A JDK client of the caller's, with its own connect timeout, version and pool; build it
         * with {@code followRedirects(NEVER)}. The caller owns it. Not together with
         * {@link #connectTimeout} or {@link #httpVersion}, which it already fixes.
         */
        Options httpClient(HttpClient httpClient);

        /** The clock for rate limiting, budgets and durations; default system UTC. */
        Options clock(Clock clock);

        /** How the client waits (rate limiter, backoff); default {@link Sleeper#system()}. */
        Options sleeper(Sleeper sleeper);

        /** The source of backoff jitter, values in [0, 1); default {@link ThreadLocalRandom}. */
        Options random(DoubleSupplier random);
    }

    /**
     * Builds a {@link Cin7Client}. Setters reject null at once; {@link #build()} checks the whole
     * configuration and names every invalid, missing or conflicting setting. Not thread-safe.
     */
    public static final class Builder implements Options {
        private URI baseUri = DEFAULT_BASE_URI;
        private Credentials credentials;
        private Duration connectTimeout;
        private Duration requestTimeout = Duration.ofSeconds(60);
        private RateLimits rateLimits;
        private CallBudget callBudget;
        private Cin7RateLimiter rateLimiter;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private Cin7ClientListener listener = Cin7ClientListener.NONE;
        private HttpClient httpClient;
        private HttpClient.Version httpVersion;
        private String userAgent = DEFAULT_USER_AGENT;
        private Runnable beforeEachRequest = () -> { };

        private Builder() {}

        /**
         * A check run right before each request is sent, retries included, after the rate
         * limiter's wait: what it throws (unchecked) abandons the request unsent and is thrown to
         * the caller. The sync engine uses it so that a run that may have lost its tenant during
         * a wait sends nothing. Default none.
         */
        public Builder beforeEachRequest(Runnable check) {
            this.beforeEachRequest = Objects.requireNonNull(check, "beforeEachRequest");
            return this;
        }

        /**
         * The {@code User-Agent} every request sends, so that Cin7 and a proxy's logs can tell
         * whose calls they are; default {@code moselle-cin7-client}. Printable ASCII only; never
         * put a secret in it. The sync engine sets its own, naming the holder and the run.
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        @Override
        public Builder baseUri(URI baseUri) {
            Objects.requireNonNull(baseUri, "baseUri");
            String text = baseUri.toString();
            this.baseUri = text.endsWith("/") ? baseUri : URI.create(text + "/");
            return this;
        }

        @Override
        public Builder baseUri(String baseUri) {
            Objects.requireNonNull(baseUri, "baseUri");
            try {
                return baseUri(URI.create(baseUri.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("baseUri is not a valid URI: " + baseUri, e);
            }
        }

        /** The API connection's username and key (Account ID and API Application Key). Required. */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        @Override
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        @Override
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /** Pacing limits; default 3/s and 60/min. Not together with {@link #rateLimiter}. */
        public Builder rateLimits(RateLimits rateLimits) {
            this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
            return this;
        }

        /** The daily call budget; default 5,000 per UTC day, in memory. Not together with {@link #rateLimiter}. */
        public Builder callBudget(CallBudget callBudget) {
            this.callBudget = Objects.requireNonNull(callBudget, "callBudget");
            return this;
        }

        /**
         * A limiter shared with other clients of the same API connection. It carries its own
         * limits and budget, so not together with {@link #rateLimits} or {@link #callBudget}.
         */
        public Builder rateLimiter(Cin7RateLimiter rateLimiter) {
            this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
            return this;
        }

        @Override
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        @Override
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        @Override
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        @Override
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Observes requests, responses, retries and waits; default none. */
        public Builder listener(Cin7ClientListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        @Override
        public Builder httpVersion(HttpClient.Version httpVersion) {
            this.httpVersion = Objects.requireNonNull(httpVersion, "httpVersion");
            return this;
        }

        @Override
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * @throws IllegalArgumentException naming every missing, invalid or conflicting setting
         */
        public Cin7Client build() {
            List<String> problems = new ArrayList<>();
            if (credentials == null) {
                problems.add("credentials are missing (API username and API key)");
            }
            checkBaseUri(problems);
            checkPositive("connectTimeout", connectTimeout, problems);
            checkPositive("requestTimeout", requestTimeout, problems);
            if (userAgent.isBlank() || !userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                problems.add("userAgent must be printable ASCII and not blank"); // a line break would inject a header
            }
            String limiterConflict = "a shared limiter carries its own limits and budget: set one or the other";
            checkConflict("rateLimiter", rateLimiter, "rateLimits", rateLimits, limiterConflict, problems);
            checkConflict("rateLimiter", rateLimiter, "callBudget", callBudget, limiterConflict, problems);
            String clientConflict = "the HTTP client given already fixes it: set one or the other";
            checkConflict("httpClient", httpClient, "connectTimeout", connectTimeout, clientConflict, problems);
            checkConflict("httpClient", httpClient, "httpVersion", httpVersion, clientConflict, problems);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid Cin7 client configuration: " + String.join("; ", problems));
            }
            Cin7RateLimiter limiter = rateLimiter != null ? rateLimiter : Cin7RateLimiter.create(
                    rateLimits != null ? rateLimits : RateLimits.defaults(),
                    callBudget != null ? callBudget : CallBudget.perUtcDay(5_000), clock);
            HttpTransport transport = new JdkHttpTransport(httpClient != null ? httpClient : JdkHttpTransport.shared(
                    connectTimeout != null ? connectTimeout : Duration.ofSeconds(10),
                    httpVersion != null ? httpVersion : HttpClient.Version.HTTP_1_1));
            return new Cin7Client(new RequestExecutor(baseUri, transport, credentials, requestTimeout, limiter, retryPolicy,
                    clock, sleeper, random, listener, userAgent, beforeEachRequest));
        }

        private void checkBaseUri(List<String> problems) {
            if (baseUri.getRawUserInfo() != null) {
                problems.add("baseUri must not carry user info; use credentials()");
                return; // and never echo it: it may hold a password
            }
            String scheme = baseUri.getScheme() == null ? "" : baseUri.getScheme().toLowerCase(Locale.ROOT);
            if (baseUri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                problems.add("baseUri must be an absolute http(s) URI with a host, was " + baseUri);
            } else if (scheme.equals("http") && !isLoopback(baseUri.getHost())) {
                problems.add("baseUri must use https unless the host is loopback, was " + baseUri);
            }
        }

        private static boolean isLoopback(String host) {
            String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            if (h.equalsIgnoreCase("localhost")) {
                return true;
            }
            if (!h.matches("[0-9.]+") && !h.contains(":")) {
                return false; // a name other than localhost: never resolved here, never trusted as loopback
            }
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }

        private static void checkPositive(String name, Duration value, List<String> problems) {
            if (value != null && (value.isZero() || value.isNegative())) {
                problems.add(name + " must be positive, was " + value);
            }
        }

        private static void checkConflict(String name, Object value, String otherName, Object other, String why,
                List<String> problems) {
            if (value != null && other != null) {
                problems.add(name + " conflicts with " + otherName + " (" + why + ")");
            }
        }
    }
}
