package io.moselle.examples.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moselle.mapping.MoselleJson;
import io.moselle.sync.postgres.PostgresFleetStatus;
import io.moselle.sync.postgres.TenantStatus;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postgresql.ds.PGSimpleDataSource;

/** {@code status}: the fleet at a glance, as a table or as JSON lines. */
final class StatusCommand {
    private static final Pattern AGE = Pattern.compile("(\\d+)([mhd])");

    private final PrintStream out;
    private final Clock clock;

    StatusCommand(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    int run(Options options) {
        PostgresFleetStatus.Filter filter = PostgresFleetStatus.Filter.all();
        if (options.has("stale")) {
            filter = filter.stale(age(options.get("stale")));
        }
        if (options.has("failing")) {
            filter = filter.failing();
        }
        String prefix = options.has("prefix") ? options.get("prefix") : "moselle_sync_";
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setURL(options.required("jdbc-url"));
        List<TenantStatus> tenants = new PostgresFleetStatus(db, prefix).tenants(filter);
        if (options.has("json")) {
            tenants.forEach(t -> out.println(json(t)));
        } else {
            table(tenants);
        }
        return Cli.OK;
    }

    private void table(List<TenantStatus> tenants) {
        Instant now = clock.instant();
        String format = "%-16s %-12s %-9s %-8s %-24s %9s  %s%n";
        out.printf(Locale.ROOT, format, "tenant", "data age", "last run", "mode", "failures", "calls/day", "running on");
        for (TenantStatus t : tenants) {
            out.printf(Locale.ROOT, format, t.tenantId(), t.freshAsOf().map(f -> age(Duration.between(f, now))).orElse("never"),
                    t.lastStatus(), t.lastMode().name().toLowerCase(Locale.ROOT),
                    t.failures().isEmpty() ? "-" : t.failures().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                    t.callsToday(), t.leaseHolder().orElse("-"));
            t.error().ifPresent(e -> out.println("    " + e));
        }
        out.printf(Locale.ROOT, "%d tenant%s%n", tenants.size(), tenants.size() == 1 ? "" : "s");
    }

    private static String json(TenantStatus t) {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("tenantId", t.tenantId()).put("apiConnection", t.apiConnection());
        n.put("freshAsOf", t.freshAsOf().map(MoselleJson::format).orElse(null));
        n.put("lastRunEnded", MoselleJson.format(t.lastRunEnded())).put("lastMode", t.lastMode().name())
                .put("lastStatus", t.lastStatus().name());
        t.failures().stream().map(Enum::name).sorted().forEach(n.putArray("failures")::add);
        n.put("error", t.error().orElse(null)).put("callsToday", t.callsToday()).put("leaseHolder", t.leaseHolder().orElse(null));
        n.put("leaseExpires", t.leaseExpires().map(MoselleJson::format).orElse(null));
        return n.toString();
    }

    /** {@code 90m}, {@code 24h}, {@code 2d}. */
    static Duration age(String text) {
        Matcher m = AGE.matcher(text.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new Options.UsageException("--stale must be a positive age in minutes, hours or days, e.g. 90m, 24h, 2d; was " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static String age(Duration d) {
        long minutes = d.toMinutes();
        return minutes < 120 ? minutes + " min" : minutes < 48 * 60 ? d.toHours() + " h" : d.toDays() + " d";
    }
}
