package io.moselle.examples.cli;

import io.moselle.mapping.ProjectedStock;
import io.moselle.mapping.Reason;
import io.moselle.sync.StreamReport;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStatus;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints a run's report and a projected-stock table for a terminal. */
final class ReportPrinter {
    private static final Map<Reason.Kind, String> KIND_LABELS = Map.of(Reason.Kind.RETRACTED, "retracted",
            Reason.Kind.SKIPPED, "skipped", Reason.Kind.DROPPED_LINE, "lines dropped (records kept)", Reason.Kind.NOTED, "noted");

    private ReportPrinter() {}

    static void report(PrintStream out, SyncReport report) {
        String mode = switch (report.mode()) {
            case FIRST -> "First sync";
            case RESYNC -> "Re-sync";
            case DAILY -> "Daily sync";
        };
        out.printf(Locale.ROOT, "%n%s of %s started %s: %s in %.1fs, %,d API calls%n", mode, report.tenantId(),
                report.startedAt(), report.status(), report.duration().toMillis() / 1000.0, report.apiCalls());
        out.printf(Locale.ROOT, "  %-17s %-9s %6s %9s %9s %9s %8s %7s%n", "stream", "status", "calls", "fetched", "upserted",
                "retracted", "skipped", "retries");
        for (StreamReport s : report.streams()) {
            if (s.status() == SyncStatus.SKIPPED) {
                continue;
            }
            out.printf(Locale.ROOT, "  %-17s %-9s %,6d %,9d %,9d %,9d %,8d %,7d%n", ProgressPrinter.name(s.stream()), s.status(),
                    s.apiCalls(), s.fetched(), s.upserted(), s.retracted(), s.skipped(), s.retries());
            for (Reason.Kind kind : Reason.Kind.values()) {
                String reasons = s.reasons(kind).entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue() + " (e.g. " + String.join(", ", s.examples().getOrDefault(e.getKey(), List.of())) + ")")
                        .collect(Collectors.joining("; "));
                if (!reasons.isEmpty()) {
                    out.println("      " + KIND_LABELS.get(kind) + ": " + reasons);
                }
            }
            s.error().ifPresent(e -> out.println("      " + e));
        }
    }

    /** The rows with stock on the way first, then the rest, up to {@code limit}. */
    static void projectedStock(PrintStream out, List<ProjectedStock> rows, int limit) {
        List<ProjectedStock> shown = rows.stream()
                .sorted((a, b) -> Integer.compare(inbound(b), inbound(a)))
                .limit(limit)
                .sorted((a, b) -> a.key().compareTo(b.key()))
                .toList();
        out.printf(Locale.ROOT, "%nProjected stock (%,d of %,d SKU x warehouse rows)%n", shown.size(), rows.size());
        out.printf(Locale.ROOT, "  %-14s %-10s %10s %10s %10s %10s%n", "SKU", "warehouse", "available", "inbound PO", "inbound TR", "projected");
        for (ProjectedStock p : shown) {
            out.printf(Locale.ROOT, "  %-14s %-10s %10s %10s %10s %10s%n", p.sku(), p.warehouse(), p.available().toPlainString(),
                    p.inboundPurchase().toPlainString(), p.inboundTransfer().toPlainString(), p.projected().toPlainString());
        }
    }

    /** How many kinds of stock are on the way: 0, 1 or 2. */
    private static int inbound(ProjectedStock p) {
        return (p.inboundPurchase().signum() != 0 ? 1 : 0) + (p.inboundTransfer().signum() != 0 ? 1 : 0);
    }
}
