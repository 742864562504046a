package dev.migrate.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

/**
 * Real connections to a test database, with every statement sent to the server recorded, so that a test can
 * assert how many round trips an operation costs.
 */
public final class CountingDataSource {

    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

    private final TestDatabase db;

    public CountingDataSource(TestDatabase db) {
        this.db = db;
    }

    public List<String> statements() {
        return List.copyOf(statements);
    }

    public void clear() {
        statements.clear();
    }

    public DataSource dataSource() {
        return new SimpleDataSource(() -> wrap(db.connect()));
    }

    private Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (result instanceof PreparedStatement prepared && args != null && args[0] instanceof String sql) {
                        return statement(prepared, PreparedStatement.class, sql);
                    }
                    if (result instanceof Statement statement && !(result instanceof PreparedStatement)) {
                        return statement(statement, Statement.class, null);
                    }
                    return result;
                });
    }

    private <T extends Statement> T statement(T target, Class<T> type, String preparedSql) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getName().equals("executeBatch")) {
                        statements.add("<batch>");
                    }
                    else if (method.getName().startsWith("execute")) {
                        statements.add(preparedSql != null ? preparedSql : String.valueOf(args[0]));
                    }
                    return invoke(target, method, args);
                }));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException ex) {
            throw ex.getCause();
        }
    }
}
