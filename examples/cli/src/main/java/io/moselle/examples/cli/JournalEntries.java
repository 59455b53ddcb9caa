package io.moselle.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moselle.mapping.MoselleJson;
import io.moselle.mapping.Reason;
import io.moselle.sync.RecordType;
import io.moselle.sync.Retraction;
import io.moselle.sync.Snapshot;
import io.moselle.sync.SyncBatch;
import io.moselle.sync.SyncStream;
import io.moselle.sync.spi.Checkpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The journal's entries, one per call the engine made: a batch delivered, a snapshot completed,
 * or a checkpoint saved, each in JSON with its records and keys as the output files hold them.
 */
final class JournalEntries {
    private static final ObjectMapper JSON = MoselleJson.mapper();

    private JournalEntries() {}

    /** What a journal entry replays into. */
    interface Target {
        void batch(SyncBatch<?, ?> batch);

        void snapshot(Snapshot<?, ?> snapshot);

        void checkpoint(String name, Checkpoint checkpoint);
    }

    static ObjectNode batch(SyncBatch<?, ?> batch) {
        ObjectNode entry = JSON.createObjectNode().put("batch", batch.type().name()).put("stream", batch.stream().name());
        entry.set("upserts", JSON.valueToTree(batch.upserts()));
        ArrayNode retractions = entry.putArray("retractions");
        batch.retractions().forEach(r -> retractions.addObject().put("reason", r.reason().name()).set("key", JSON.valueToTree(r.key())));
        return entry;
    }

    static ObjectNode snapshot(Snapshot<?, ?> snapshot) {
        ObjectNode entry = JSON.createObjectNode().put("snapshot", snapshot.type().name());
        entry.set("keys", JSON.valueToTree(snapshot.keys()));
        return entry;
    }

    static ObjectNode checkpoint(String name, Checkpoint checkpoint) {
        ObjectNode entry = JSON.createObjectNode().put("checkpoint", name);
        entry.set("value", parse(checkpoint.toJson()));
        return entry;
    }

    /**
     * Replays one entry.
     *
     * @throws IOException naming the entry when it is not one this class wrote
     */
    static void replay(JsonNode entry, String tenantId, Target target) throws IOException {
        try {
            if (entry.has("batch")) {
                target.batch(batchOf(entry, tenantId, type(entry.get("batch").asText())));
            } else if (entry.has("snapshot")) {
                target.snapshot(snapshotOf(entry, tenantId, type(entry.get("snapshot").asText())));
            } else if (entry.has("checkpoint")) {
                target.checkpoint(entry.get("checkpoint").asText(), Checkpoint.fromJson(entry.get("value").toString()));
            } else {
                throw new IllegalArgumentException("not a batch, a snapshot or a checkpoint");
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException("a journal entry cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static <R, K> SyncBatch<R, K> batchOf(JsonNode entry, String tenantId, RecordType<R, K> type) throws IOException {
        List<R> upserts = new ArrayList<>();
        for (JsonNode record : entry.get("upserts")) {
            upserts.add(JSON.treeToValue(record, type.recordClass()));
        }
        List<Retraction<K>> retractions = new ArrayList<>();
        for (JsonNode r : entry.get("retractions")) {
            retractions.add(new Retraction<>(JSON.treeToValue(r.get("key"), type.keyClass()), Reason.valueOf(r.get("reason").asText())));
        }
        return SyncBatch.of(tenantId, SyncStream.valueOf(entry.get("stream").asText()), type, upserts, retractions);
    }

    private static <R, K> Snapshot<R, K> snapshotOf(JsonNode entry, String tenantId, RecordType<R, K> type) throws IOException {
        Set<K> keys = new HashSet<>();
        for (JsonNode key : entry.get("keys")) {
            keys.add(JSON.treeToValue(key, type.keyClass()));
        }
        return Snapshot.of(tenantId, type, keys);
    }

    private static RecordType<?, ?> type(String name) {
        return RecordType.values().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown record type " + name));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a checkpoint's own JSON cannot be read", e);
        }
    }
}
