package io.moselle.sync;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A connection pool as a host has one: at most {@code size} connections out at once, and a
 * borrower waits for one to come back (as HikariCP does up to its connection timeout).
 */
final class BoundedPool implements DataSource {
    private final DataSource database;
    private final Semaphore free;
    private final boolean autoCommit;

    BoundedPool(DataSource database, int size) {
        this(database, size, true);
    }

    /** @param autoCommit how connections are handed out (a pool may be set to hand them out in manual commit) */
    BoundedPool(DataSource database, int size, boolean autoCommit) {
        this.database = database;
        this.free = new Semaphore(size, true);
        this.autoCommit = autoCommit;
    }

    int available() {
        return free.availablePermits();
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            free.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection of the pool", e);
        }
        Connection real;
        try {
            real = database.getConnection();
            real.setAutoCommit(autoCommit);
        } catch (SQLException | RuntimeException e) {
            free.release();
            throw e;
        }
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, args) -> {
            if (m.getName().equals("close")) {
                synchronized (closed) {
                    if (!closed[0]) {
                        closed[0] = true;
                        try {
                            real.close();
                        } finally {
                            free.release();
                        }
                    }
                }
                return null;
            }
            try {
                return m.invoke(real, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    @Override
    public Connection getConnection(String username, String password) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
