package io.moselle.sync.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moselle.mapping.MoselleJson;
import io.moselle.sync.Window;
import io.moselle.sync.spi.Checkpoint;
import io.moselle.sync.spi.Slice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a {@link Checkpoint}, for stores that keep checkpoints as text:
 * {@code {"window": {"from", "to"}, "pending": [{"from", "to", "lastId", "highestId"}, ...]}}
 * ({@code highestId} only for a slice that ends at an id). Also reads the
 * form of earlier versions ({@code pendingFrom}, {@code pendingTo}, {@code lastId},
 * {@code completedUpTo}), so existing checkpoint files keep working.
 */
public final class CheckpointJson {
    private CheckpointJson() {}

    /** The checkpoint as JSON text. */
    public static String write(Checkpoint checkpoint) {
        return toNode(checkpoint).toString();
    }

    /**
     * @throws IllegalArgumentException naming what is wrong when {@code json} is not a checkpoint
     */
    public static Checkpoint read(String json) {
        JsonNode node;
        try {
            node = MoselleJson.reader().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        return fromNode(node);
    }

    public static ObjectNode toNode(Checkpoint checkpoint) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        checkpoint.newestWindow().ifPresentOrElse(w -> window(node.putObject("window"), w), () -> node.putNull("window"));
        ArrayNode pending = node.putArray("pending");
        for (Slice s : checkpoint.pending()) {
            ObjectNode slice = window(pending.addObject(), s.window()).put("lastId", s.lastId());
            if (s.isBounded()) {
                slice.put("highestId", s.highestId());
            }
        }
        return node;
    }

    /**
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Checkpoint fromNode(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (node.has("pendingFrom") || node.has("completedUpTo")) {
            return readEarlierForm(node);
        }
        Window window = node.hasNonNull("window") ? window(node.get("window"), "window") : null;
        List<Slice> pending = new ArrayList<>();
        JsonNode slices = node.path("pending");
        if (!slices.isArray()) {
            throw new IllegalArgumentException("pending is not a list");
        }
        for (int i = 0; i < slices.size(); i++) {
            pending.add(slice(slices.get(i), "pending[" + i + "]"));
        }
        return new Checkpoint(window, pending);
    }

    /** The form before slices: one pending window and the end of the last complete one. */
    private static Checkpoint readEarlierForm(JsonNode node) {
        Instant completed = node.hasNonNull("completedUpTo") ? instant(node.get("completedUpTo"), "completedUpTo") : null;
        if (node.hasNonNull("pendingFrom")) {
            Window pending = new Window(instant(node.get("pendingFrom"), "pendingFrom"), instant(node.get("pendingTo"), "pendingTo"));
            return new Checkpoint(pending, List.of(new Slice(pending, lastId(node.get("lastId"), "lastId"))));
        }
        return completed == null ? Checkpoint.initial() : new Checkpoint(new Window(completed, completed), List.of());
    }

    private static Slice slice(JsonNode node, String path) {
        Window window = window(node, path);
        long lastId = lastId(node.get("lastId"), path + ".lastId");
        if (!node.hasNonNull("highestId")) {
            return new Slice(window, lastId);
        }
        long highestId = lastId(node.get("highestId"), path + ".highestId");
        if (highestId < lastId) {
            throw new IllegalArgumentException(path + ".highestId " + highestId + " is below its lastId " + lastId);
        }
        return new Slice(window, lastId, highestId);
    }

    private static ObjectNode window(ObjectNode node, Window window) {
        return node.put("from", window.from().toString()).put("to", window.to().toString());
    }

    private static Window window(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(path + " is not an object");
        }
        return new Window(instant(node.get("from"), path + ".from"), instant(node.get("to"), path + ".to"));
    }

    private static Instant instant(JsonNode node, String path) {
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(path + " is not an instant");
        }
        try {
            return Instant.parse(node.textValue());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(path + " is not an instant: " + node.textValue());
        }
    }

    private static long lastId(JsonNode node, String path) {
        if (node == null || !node.canConvertToLong() || !node.isIntegralNumber() || node.longValue() < 0) {
            throw new IllegalArgumentException(path + " is not an id");
        }
        return node.longValue();
    }
}
