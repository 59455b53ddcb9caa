package io.moselle.cin7.client;

import io.moselle.cin7.client.model.Identified;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** One Cin7 resource: builds list requests and reads their bodies. */
class ResourceClient<T> implements Cin7ListResource<T> {
    private final String path;
    private final Order defaultOrder;
    private final boolean hasIds;
    final JsonRecords<T> json;
    final RequestExecutor executor;

    ResourceClient(String path, Class<T> type, Order defaultOrder, RequestExecutor executor) {
        this.path = path;
        this.defaultOrder = defaultOrder;
        this.hasIds = Identified.class.isAssignableFrom(type);
        this.json = new JsonRecords<>(ObjectMappers.cin7(), type, path);
        this.executor = executor;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Pager<T> list(ListQuery query) {
        checkKeyset(query);
        return new Pager<>(query, this::fetchPage, hasIds ? item -> ((Identified) item).id() : null);
    }

    @Override
    public CompletableFuture<Page<T>> fetchAsync(ListQuery query, Executor callbacks) {
        checkKeyset(query);
        if (query.isKeyset() && !hasIds) {
            throw new IllegalArgumentException("afterId: this resource has no id, so it cannot be paged by keyset");
        }
        int page = query.isKeyset() ? 1 : query.firstPage();
        Map<String, String> params = parameters(query);
        return executor.getAsync(pathWith(params, value -> value), pathWith(params, ResourceClient::encode),
                body -> json.readArray(body, page), callbacks).thenApply(items -> new Page<>(query, page, items));
    }

    private void checkKeyset(ListQuery query) {
        if (query.isKeyset() && !query.fields().isEmpty()
                && query.fields().stream().noneMatch(f -> f.equalsIgnoreCase("id"))) {
            throw new IllegalArgumentException("fields: keyset paging needs the id field; add \"id\" to fields");
        }
    }

    private List<T> fetchPage(ListQuery query) {
        int page = query.isKeyset() ? 1 : query.firstPage();
        Map<String, String> params = parameters(query);
        return executor.get(pathWith(params, value -> value), pathWith(params, ResourceClient::encode), body -> json.readArray(body, page));
    }

    /** The resource's path with {@code params}, each value written by {@code value}: as it is for messages, encoded to send. */
    private String pathWith(Map<String, String> params, UnaryOperator<String> value) {
        return path + "?" + params.entrySet().stream().map(e -> e.getKey() + "=" + value.apply(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The query parameters, in a stable order. */
    Map<String, String> parameters(ListQuery query) {
        Map<String, String> params = new LinkedHashMap<>();
        Optional<Where> where = query.where();
        if (query.isKeyset()) {
            Where afterId = Where.field("id").greaterThan(query.afterId().getAsLong());
            where = Optional.of(where.map(w -> w.and(afterId)).orElse(afterId));
        }
        where.ifPresent(w -> params.put("where", w.toString()));
        params.put("order", (query.isKeyset() ? Order.asc("id") : query.order().orElse(defaultOrder)).toString());
        if (!query.fields().isEmpty()) {
            params.put("fields", String.join(",", query.fields()));
        }
        params.put("page", Integer.toString(query.isKeyset() ? 1 : query.firstPage()));
        params.put("rows", Integer.toString(query.rows()));
        return params;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "Cin7Resource{" + path + "}";
    }
}
