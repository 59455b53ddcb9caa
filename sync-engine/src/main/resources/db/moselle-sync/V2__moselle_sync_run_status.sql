--liquibase formatted sql
--changeset moselle-sync:2
-- Version 2: the fleet's status, one row per tenant, written by PostgresFleetStatus's recorder at
-- the end of each run, read by PostgresFleetStatus.tenants. Only adds, as every version does.

-- The last run of each tenant. fresh_as_of is the start of its last run that brought the recent
-- part in (products, stock, each windowed stream's lookback): how fresh its data is.
CREATE TABLE IF NOT EXISTS ${prefix}run_status (
    tenant_id      text        PRIMARY KEY,
    api_connection text        NOT NULL,
    mode           text        NOT NULL,
    status         text        NOT NULL,
    failures       text        NOT NULL,
    error          text,
    started_at     timestamptz NOT NULL,
    ended_at       timestamptz NOT NULL,
    api_calls      bigint      NOT NULL,
    fresh_as_of    timestamptz
);
