/**
 * The engine's stores on PostgreSQL, for several replicas sharing one database: leases with
 * fencing tokens, fenced checkpoints that also commit a transactional sink's pages, and call
 * budgets per API connection, all on the database's clock. The schema is
 * {@link io.moselle.sync.postgres.PostgresSchema}.
 */
package io.moselle.sync.postgres;
