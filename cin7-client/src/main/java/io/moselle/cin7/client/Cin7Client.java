package io.moselle.cin7.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.moselle.cin7.client.internal.HttpTransport;
import io.moselle.cin7.client.internal.JdkHttpTransport;
import io.moselle.cin7.client.internal.ObjectMappers;
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
 * no resource that needs closing (the JDK HTTP client's connections are pooled and released when
 * the client is garbage collected).
 */
public final class Cin7Client {
    /** Cin7 Omni's production API. */
    public static final URI DEFAULT_BASE_URI = URI.create("https://api.cin7.com/api/");

    private final URI baseUri;
    private final Credentials credentials;
    private final Cin7Resource<Branch> branches;
    private final Cin7Resource<Product> products;
    private final Cin7ListResource<StockItem> stock;
    private final Cin7Resource<SalesOrder> salesOrders;
    private final Cin7Resource<PurchaseOrder> purchaseOrders;
    private final Cin7Resource<BranchTransfer> branchTransfers;
    private final Cin7RateLimiter rateLimiter;

    private Cin7Client(Builder b, HttpTransport transport, Cin7RateLimiter rateLimiter) {
        this.baseUri = b.baseUri;
        this.credentials = b.credentials;
        this.rateLimiter = rateLimiter;
        ObjectMapper mapper = ObjectMappers.cin7();
        RequestExecutor executor = new RequestExecutor(b.baseUri, transport, b.credentials, b.requestTimeout,
                rateLimiter, b.retryPolicy, b.clock, b.sleeper, b.random, b.listener);
        this.branches = new RecordResourceClient<>("v1/Branches", Branch.class, mapper, executor);
        this.products = new RecordResourceClient<>("v1/Products", Product.class, mapper, executor);
        this.stock = new ResourceClient<>("v1/Stock", StockItem.class,
                Order.asc("productOptionId").thenAsc("branchId"), mapper, executor);
        this.salesOrders = new RecordResourceClient<>("v1/SalesOrders", SalesOrder.class, mapper, executor);
        this.purchaseOrders = new RecordResourceClient<>("v1/PurchaseOrders", PurchaseOrder.class, mapper, executor);
        this.branchTransfers = new RecordResourceClient<>("v1/BranchTransfers", BranchTransfer.class, mapper, executor);
    }

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

    /** Every resource this client reads. */
    public List<Cin7ListResource<?>> resources() {
        return List.of(branches, products, stock, salesOrders, purchaseOrders, branchTransfers);
    }

    public URI baseUri() {
        return baseUri;
    }

    /** The API username (the key is not exposed here). */
    public String username() {
        return credentials.username();
    }

    /** The limiter pacing this client, possibly shared with other clients of the same connection. */
    public Cin7RateLimiter rateLimiter() {
        return rateLimiter;
    }

    @Override
    public String toString() {
        return "Cin7Client{baseUri=" + baseUri + ", username=" + credentials.username() + "}";
    }

    /**
     * Builds a {@link Cin7Client}. Setters reject null at once; {@link #build()} checks the whole
     * configuration and names every invalid or missing setting. Not thread-safe.
     */
    public static final class Builder {
        private URI baseUri = DEFAULT_BASE_URI;
        private Credentials credentials;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private RateLimits rateLimits = RateLimits.defaults();
        private CallBudget callBudget = CallBudget.perUtcDay(5_000);
        private Cin7RateLimiter rateLimiter;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private Cin7ClientListener listener = Cin7ClientListener.NONE;
        private HttpClient sharedHttpClient;
        private HttpClient.Version httpVersion = HttpClient.Version.HTTP_1_1;

        private Builder() {}

        /** The API root, default {@code https://api.cin7.com/api/}. HTTPS unless the host is loopback. */
        public Builder baseUri(URI baseUri) {
            Objects.requireNonNull(baseUri, "baseUri");
            String text = baseUri.toString();
            this.baseUri = text.endsWith("/") ? baseUri : URI.create(text + "/");
            return this;
        }

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

        /** How long to wait for a TCP/TLS connection; default 10 s. Replaces a shared {@link #httpClient}. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            this.sharedHttpClient = null;
            return this;
        }

        /** How long one request may take until its response headers; default 60 s. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /** Pacing limits; default 3/s and 60/min. Ignored when {@link #rateLimiter} is set. */
        public Builder rateLimits(RateLimits rateLimits) {
            this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
            return this;
        }

        /** The daily call budget; default 5,000 per UTC day, in memory. Ignored when {@link #rateLimiter} is set. */
        public Builder callBudget(CallBudget callBudget) {
            this.callBudget = Objects.requireNonNull(callBudget, "callBudget");
            return this;
        }

        /** A limiter shared with other clients of the same API connection (it carries its limits and budget). */
        public Builder rateLimiter(Cin7RateLimiter rateLimiter) {
            this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** The clock for rate limiting, budgets and durations; default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How the client waits (rate limiter, backoff); default {@link Sleeper#system()}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The source of backoff jitter, values in [0, 1); default {@link ThreadLocalRandom}. */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public Builder listener(Cin7ClientListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The HTTP version to ask for; default HTTP/1.1. At a few calls a second per connection
         * HTTP/2 gains nothing, and one HTTP/2 connection shared by many tenants fails requests
         * beyond the server's limit of concurrent streams. Replaces a shared {@link #httpClient}.
         */
        public Builder httpVersion(HttpClient.Version httpVersion) {
            this.httpVersion = Objects.requireNonNull(httpVersion, "httpVersion");
            this.sharedHttpClient = null;
            return this;
        }

        /**
         * A JDK client to share with other Cin7 clients, so that many clients (one per tenant run)
         * share one connection pool and its threads instead of each starting its own. Its connect
         * timeout, version and redirect policy then apply; build it with
         * {@code HttpClient.newBuilder().followRedirects(NEVER)}. A later {@link #connectTimeout} or
         * {@link #httpVersion} replaces it with a client of this builder's own. The caller owns it.
         */
        public Builder httpClient(HttpClient httpClient) {
            this.sharedHttpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * @throws IllegalArgumentException naming every missing or invalid setting
         */
        public Cin7Client build() {
            List<String> problems = new ArrayList<>();
            if (credentials == null) {
                problems.add("credentials are missing (API username and API key)");
            }
            checkBaseUri(problems);
            checkPositive("connectTimeout", connectTimeout, problems);
            checkPositive("requestTimeout", requestTimeout, problems);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid Cin7 client configuration: " + String.join("; ", problems));
            }
            Cin7RateLimiter limiter = rateLimiter != null ? rateLimiter : Cin7RateLimiter.create(rateLimits, callBudget, clock);
            HttpTransport http = sharedHttpClient != null
                    ? new JdkHttpTransport(sharedHttpClient) : new JdkHttpTransport(connectTimeout, httpVersion);
            return new Cin7Client(this, http, limiter);
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
            if (value.isZero() || value.isNegative()) {
                problems.add(name + " must be positive, was " + value);
            }
        }
    }
}
