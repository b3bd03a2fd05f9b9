package kr.civilportal.launcher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How a service's database is prepared on any PostgreSQL the portal runs on (the launcher's own server, a test's
 * container): a login role of the service's name owns a database and its public schema, and nobody else may
 * connect or write there. Safe to run on every start.
 */
public final class ServiceDatabase {

    /** A superuser's connection to the named database of the server being prepared. */
    @FunctionalInterface
    public interface Superuser {
        Connection connect(String database) throws SQLException;
    }

    private ServiceDatabase() {
    }

    /** Creates (or updates the password of) the role and creates its database if missing. */
    public static void ensure(Superuser superuser, String name, String password) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain identifier: " + name);
        }
        String quotedPassword = "'" + password.replace("'", "''") + "'";
        try (Connection c = superuser.connect("postgres"); Statement s = c.createStatement()) {
            boolean roleExists = exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", name);
            s.execute((roleExists ? "ALTER ROLE " : "CREATE ROLE ") + name + " LOGIN PASSWORD " + quotedPassword);
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                s.execute("CREATE DATABASE " + name + " OWNER " + name + " ENCODING 'UTF8'");
            }
            s.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
            s.execute("GRANT ALL ON DATABASE " + name + " TO " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare database " + name, e);
        }
        try (Connection c = superuser.connect(name); Statement s = c.createStatement()) {
            // The service's own role owns its schema, so Flyway runs as that role and nothing else can write there.
            s.execute("ALTER SCHEMA public OWNER TO " + name);
            s.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare schema of " + name, e);
        }
    }

    private static boolean exists(Connection c, String query, String name) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(query)) {
            q.setString(1, name);
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        }
    }
}
