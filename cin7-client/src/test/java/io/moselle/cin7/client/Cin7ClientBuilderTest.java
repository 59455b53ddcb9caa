package io.moselle.cin7.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Cin7ClientBuilderTest {
    private static final Credentials CREDENTIALS = Credentials.of("AcmeNZ", "key-123456");

    @Test
    void defaultsToProduction() {
        Cin7Client client = Cin7Client.builder().credentials(CREDENTIALS).build();
        assertThat(client.baseUri()).hasToString("https://api.cin7.com/api/");
        assertThat(client.username()).isEqualTo("AcmeNZ");
    }

    @Test
    void refusesASharedLimiterBesideLimitsOrABudgetNamingBoth() {
        Cin7RateLimiter shared = Cin7RateLimiter.create(RateLimits.defaults(), CallBudget.unlimited(), java.time.Clock.systemUTC());
        assertThatThrownBy(() -> Cin7Client.builder().credentials(CREDENTIALS).rateLimiter(shared)
                        .rateLimits(RateLimits.of(1, 10)).callBudget(CallBudget.perUtcDay(10)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rateLimiter conflicts with rateLimits")
                .hasMessageContaining("rateLimiter conflicts with callBudget");
    }

    @Test
    void refusesASharedHttpClientBesideAConnectTimeoutOrVersionNamingBoth() {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        assertThatThrownBy(() -> Cin7Client.builder().credentials(CREDENTIALS).httpClient(http)
                        .connectTimeout(Duration.ofSeconds(3)).httpVersion(java.net.http.HttpClient.Version.HTTP_2).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("httpClient conflicts with connectTimeout")
                .hasMessageContaining("httpClient conflicts with httpVersion");
        org.assertj.core.api.Assertions.assertThatCode(() -> Cin7Client.builder().credentials(CREDENTIALS).httpClient(http).build())
                .as("a shared client alone is fine").doesNotThrowAnyException();
    }

    @Test
    void namesEveryProblemAtBuild() {
        assertThatThrownBy(() -> Cin7Client.builder().baseUri("http://api.cin7.com/api/")
                        .connectTimeout(Duration.ZERO).requestTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credentials are missing")
                .hasMessageContaining("baseUri must use https unless the host is loopback")
                .hasMessageContaining("connectTimeout must be positive")
                .hasMessageContaining("requestTimeout must be positive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/api/", "http://127.0.0.1:9/api", "http://[::1]:9/api/", "https://example.com/api/"})
    void acceptsHttpsOrLoopback(String uri) {
        assertThat(Cin7Client.builder().credentials(CREDENTIALS).baseUri(uri).build().baseUri().toString()).endsWith("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1/api/", "http://localhost.evil.com/api/", "ftp://localhost/", "/api/"})
    void refusesPlainHttpElsewhere(String uri) {
        assertThatThrownBy(() -> Cin7Client.builder().credentials(CREDENTIALS).baseUri(uri).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUri");
    }

    @Test
    void neverEchoesUserInfo() {
        assertThatThrownBy(() -> Cin7Client.builder().credentials(CREDENTIALS).baseUri("https://user:pw@api.cin7.com/api/").build())
                .hasMessageContaining("baseUri must not carry user info")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw"));
    }

    @Test
    void settersRejectNull() {
        assertThatThrownBy(() -> Cin7Client.builder().clock(null)).isInstanceOf(NullPointerException.class).hasMessage("clock");
        assertThatThrownBy(() -> Credentials.of("user", " ")).hasMessageContaining("API key");
        assertThatThrownBy(() -> Credentials.of(null, "k")).hasMessageContaining("username");
    }

    @Test
    void credentialsHideTheKey() {
        assertThat(CREDENTIALS.toString()).isEqualTo("Credentials{username=AcmeNZ, apiKey=****}");
        assertThat(Cin7Client.builder().credentials(CREDENTIALS).build().toString()).doesNotContain("key-123456");
    }
}
