package io.moselle.cin7.client;

import io.moselle.cin7.client.model.Identified;
import java.util.Optional;

/** A Cin7 resource with ids: listable, and readable by id. */
final class RecordResourceClient<T extends Identified> extends ResourceClient<T> implements Cin7Resource<T> {

    RecordResourceClient(String path, Class<T> type, RequestExecutor executor) {
        super(path, type, Order.asc("id"), executor);
    }

    @Override
    public Optional<T> get(long id) {
        String recordPath = path() + "/" + id;
        try {
            return Optional.ofNullable(executor.get(recordPath, recordPath, json::readObject));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
