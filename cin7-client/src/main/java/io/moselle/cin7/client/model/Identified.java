package io.moselle.cin7.client.model;

/** A Cin7 record with an immutable numeric {@code id}, which keyset paging orders by. */
public interface Identified {
    /** Cin7's id of the record. */
    long id();
}
