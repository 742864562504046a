package dev.migrate.testing;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/** A data source that opens a new connection for every request; enough for tests of core code. */
public final class SimpleDataSource implements DataSource {

    /** Opens a connection. */
    public interface ConnectionFactory {
        Connection connect() throws SQLException;
    }

    private final ConnectionFactory factory;

    SimpleDataSource(ConnectionFactory factory) {
        this.factory = factory;
    }

    /** Connections from a factory of the test's own (one that fails on purpose, say). */
    public static DataSource of(ConnectionFactory factory) {
        return new SimpleDataSource(factory);
    }

    /** Connections from {@link java.sql.DriverManager}. */
    public static DataSource of(String url, String user, String password) {
        return new SimpleDataSource(() -> java.sql.DriverManager.getConnection(url, user, password));
    }

    @Override
    public Connection getConnection() throws SQLException {
        return factory.connect();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials come from the test database");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
