--liquibase formatted sql
--changeset moselle-sync:1
-- Version 1 of the tables of the Moselle Cin7 sync engine on PostgreSQL. ${prefix} is the
-- table-name prefix (default moselle_sync_), a placeholder Flyway fills from its placeholders.
-- Apply it with Flyway (location classpath:db/moselle-sync), or with PostgresSchema.create.
-- Never edited once released: a later version of the schema is a new file, V2__..., which
-- PostgresSchema.create applies after this one.

-- One row per tenant and checkpoint (stream and mode). lease_token is the fencing token of the
-- lease under which it was saved.
CREATE TABLE IF NOT EXISTS ${prefix}checkpoint (
    tenant_id   text        NOT NULL,
    name        text        NOT NULL,
    state       jsonb       NOT NULL,
    lease_token bigint      NOT NULL,
    saved_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, name)
);

-- Calls made per Cin7 API connection (its API username) and UTC day.
CREATE TABLE IF NOT EXISTS ${prefix}call_budget (
    connection text   NOT NULL,
    day        date   NOT NULL,
    used       bigint NOT NULL,
    PRIMARY KEY (connection, day)
);

-- Leases on tenants (tenant:<id>) and API connections (connection:<username>). token grows by
-- one at each acquisition; expires_at is on the database's clock.
CREATE TABLE IF NOT EXISTS ${prefix}lease (
    lease_key   text        PRIMARY KEY,
    holder      text        NOT NULL,
    token       bigint      NOT NULL,
    acquired_at timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
