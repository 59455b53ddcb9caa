package io.moselle.sync.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moselle.mapping.MoselleJson;
import io.moselle.mapping.Reason;
import io.moselle.sync.StreamReport;
import io.moselle.sync.SyncReport;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/** The JSON form of a {@link SyncReport}: durations in milliseconds, instants in UTC. */
public final class ReportJson {
    private ReportJson() {}

    public static String write(SyncReport report) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("tenantId", report.tenantId());
        root.put("apiConnection", report.apiConnection());
        root.put("mode", report.mode().name().toLowerCase(java.util.Locale.ROOT));
        root.put("startedAt", MoselleJson.format(report.startedAt()));
        root.put("durationMillis", report.duration().toMillis());
        root.put("status", report.status().name());
        root.put("apiCalls", report.apiCalls());
        root.put("resumeAfter", report.resumeAfter().map(MoselleJson::format).orElse(null));
        root.put("recentPartCompleteMillis", report.recentPartCompleteAfter().map(Duration::toMillis).orElse(null));
        root.put("rateLimited", report.rateLimited());
        root.put("slowedMillis", report.slowed().toMillis());
        var streams = root.putArray("streams");
        for (StreamReport s : report.streams()) {
            ObjectNode n = streams.addObject();
            n.put("stream", s.stream().name());
            n.put("status", s.status().name());
            var windows = n.putArray("windows");
            s.windows().forEach(w -> windows.addObject().put("from", MoselleJson.format(w.from())).put("to", MoselleJson.format(w.to())));
            n.put("apiCalls", s.apiCalls());
            n.put("pages", s.pages());
            n.put("fetched", s.fetched());
            n.put("upserted", s.upserted());
            n.put("retracted", s.retracted());
            n.put("skipped", s.skipped());
            n.put("droppedLines", s.droppedLines());
            ObjectNode reasons = n.putObject("reasons");
            for (Reason.Kind kind : Reason.Kind.values()) {
                if (s.reasons(kind).isEmpty()) {
                    continue;
                }
                ObjectNode ofKind = reasons.putObject(kind.name());
                s.reasons(kind).entrySet().forEach(e -> {
                    ObjectNode r = ofKind.putObject(e.getKey().name());
                    r.put("count", e.getValue());
                    s.examples().getOrDefault(e.getKey(), List.of()).forEach(r.putArray("examples")::add);
                });
            }
            n.put("retries", s.retries());
            n.put("rateLimited", s.rateLimited());
            n.put("throttledMillis", s.throttled().toMillis());
            n.put("durationMillis", s.duration().toMillis());
            n.put("error", s.error().orElse(null));
            n.put("failure", s.failureKind().map(Enum::name).orElse(null));
        }
        try {
            return MoselleJson.writer().withDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
