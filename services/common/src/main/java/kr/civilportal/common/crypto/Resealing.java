package kr.civilportal.common.crypto;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * After a key rotation, re-seals one column's values still under an older key, a batch per transaction, until none
 * is left; every service's job for its own sealed column (residency's numbers, 119's phone numbers) is this loop.
 * Safe on every replica at once: each batch locks its rows with {@code FOR UPDATE SKIP LOCKED}, so two replicas take
 * different rows, and a row being written meanwhile is left for the next round.
 */
public final class Resealing {

    /** Where the values are sealed. Identifiers come from code, never from input, and are checked to be plain. */
    public record SealedColumn(String table, String idColumn, String keyIdColumn, String ciphertextColumn) {

        private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

        public SealedColumn {
            for (String identifier : List.of(table, idColumn, keyIdColumn, ciphertextColumn)) {
                if (!IDENTIFIER.matcher(identifier).matches()) {
                    throw new IllegalArgumentException("Not a plain SQL identifier: " + identifier);
                }
            }
        }
    }

    /** Opens a value under its old key and seals it under the active one, bound to its row as before. */
    @FunctionalInterface
    public interface Reseal {
        AtRestCipher.Sealed apply(String keyId, byte[] ciphertext, Object rowId);
    }

    private final DataSource dataSource;
    private final String activeKeyId;
    private final int batchSize;
    private final ResealProgress progress;
    private final Reseal reseal;
    private final String select;
    private final String update;
    private final String count;

    public Resealing(DataSource dataSource, SealedColumn column, String activeKeyId, int batchSize,
                     ResealProgress progress, Reseal reseal) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("A batch holds at least one row");
        }
        this.dataSource = dataSource;
        this.activeKeyId = activeKeyId;
        this.batchSize = batchSize;
        this.progress = progress;
        this.reseal = reseal;
        String underOlderKey = " FROM " + column.table() + " WHERE " + column.keyIdColumn() + " IS NOT NULL AND "
                + column.keyIdColumn() + " <> ?";
        this.select = "SELECT " + column.idColumn() + ", " + column.keyIdColumn() + ", " + column.ciphertextColumn()
                + underOlderKey + " ORDER BY " + column.idColumn() + " LIMIT ? FOR UPDATE SKIP LOCKED";
        this.update = "UPDATE " + column.table() + " SET " + column.keyIdColumn() + " = ?, "
                + column.ciphertextColumn() + " = ? WHERE " + column.idColumn() + " = ?";
        this.count = "SELECT count(*)" + underOlderKey;
    }

    /**
     * Re-seals batch after batch until no row under an older key is left unlocked; returns how many. Call it outside
     * a transaction: it commits each batch itself, so a stop half-way keeps the batches done.
     */
    public int resealAll() {
        try {
            int total = 0;
            int batch;
            do {
                batch = resealBatch();
                total += batch;
            } while (batch == batchSize);
            progress.remaining(countRemaining());
            return total;
        } catch (SQLException e) {
            throw new IllegalStateException("Re-sealing stopped; it resumes at the next round", e);
        }
    }

    private int resealBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Object[]> rows = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(select)) {
                    s.setString(1, activeKeyId);
                    s.setInt(2, batchSize);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            rows.add(new Object[] {r.getObject(1), r.getString(2), r.getBytes(3)});
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement(update)) {
                    for (Object[] row : rows) {
                        AtRestCipher.Sealed sealed = reseal.apply((String) row[1], (byte[]) row[2], row[0]);
                        s.setString(1, sealed.keyId());
                        s.setBytes(2, sealed.ivAndCiphertext());
                        s.setObject(3, row[0]);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                c.commit();
                progress.resealed(rows.size());
                return rows.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private long countRemaining() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(count)) {
            s.setString(1, activeKeyId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
