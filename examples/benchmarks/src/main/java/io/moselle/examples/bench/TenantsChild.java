package io.moselle.examples.bench;

import io.moselle.cin7.client.RateLimits;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * The many-tenants benchmark's engine in a JVM started for it, against a simulator running in
 * the parent process (warm, as Cin7 is): runs the round, then prints when each request was sent
 * ({@link SendLog}) and one line of what the round measured ({@link ManyTenants.Round#line}).
 * Arguments: the simulator's address, the accounts' name prefix, how many, the engine's
 * {@code countedWithin} in milliseconds, and the runs' "now".
 */
public final class TenantsChild {
    private TenantsChild() {}

    public static void main(String[] args) throws Exception {
        URI baseUri = URI.create(args[0]);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        RateLimits limits = RateLimits.of(Benchmarks.TENANT_PER_SECOND, Benchmarks.TENANT_PER_MINUTE)
                .withCountedWithin(Duration.ofMillis(Long.parseLong(args[3])));
        SendTimes http = new SendTimes();
        ManyTenants.Round round = ManyTenants.run(baseUri, ManyTenants.tenants(prefix, count), limits, Instant.parse(args[4]), http);
        http.log().write(System.out);
        System.out.println(round.line());
        System.out.flush();
        System.exit(0); // the engine's and the JDK client's threads are daemons, but the host pool's are not: end here
    }
}
