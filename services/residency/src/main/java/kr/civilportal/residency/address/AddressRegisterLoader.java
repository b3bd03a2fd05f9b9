package kr.civilportal.residency.address;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import kr.civilportal.residency.ResidencySettings;
import org.jboss.logging.Logger;

/**
 * Loads the road-name address register from its file at start-up: UTF-8, {@code |}-separated as 행정안전부 ships it,
 * columns 도로명주소관리번호, 법정동코드, 시도명, 시군구명, 법정읍면동명, 도로명코드, 도로명, 지하여부 (0/1), 건물본번,
 * 건물부번, 기초구역번호, 행정동코드, 행정동명, 시군구용건물명; lines starting with {@code #} are comments.
 *
 * <p>Rows are upserted by management number in batches, each its own transaction, so the national file (six
 * million rows) never holds one long transaction; a row whose values are unchanged is not rewritten. Each load is
 * recorded with the file's SHA-256 ({@code road_name_address_load}), and a start whose file is the one loaded last
 * only hashes it: reading and upserting six million lines took minutes at every start of every replica, before
 * readiness. {@code reload=always} reads the file whatever its hash, to put back rows changed in the database.
 * Replicas starting together load one after the other (a session advisory lock): the later finds the file's hash
 * recorded. Rows missing from the file are kept: a move-in stored its address as text, and the monthly file only
 * adds and changes in practice (a 폐지 is a change file's).
 */
@ApplicationScoped
public class AddressRegisterLoader {

    /** Where a setting names a file on the class path rather than on disk. */
    static final String CLASSPATH = "classpath:";
    /** Rows per transaction: large enough for few round trips, small enough for short locks on a live table. */
    static final int BATCH = 1000;
    /** Serializes loads by replicas starting at once ("ADDR" in hex). */
    private static final long LOAD_LOCK = 0x41444452L;
    private static final String SEPARATOR = "\\|";
    private static final String COMMENT = "#";
    private static final int COLUMNS = 14;
    private static final Logger LOG = Logger.getLogger(AddressRegisterLoader.class);

    private static final String UPSERT = """
            INSERT INTO road_name_address (management_number, legal_dong_code, province, district, legal_dong,
                road_code, road_name, underground, main_number, sub_number, postal_code, administrative_dong_code,
                administrative_dong, building_name, search_text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (management_number) DO UPDATE SET legal_dong_code = EXCLUDED.legal_dong_code,
                province = EXCLUDED.province, district = EXCLUDED.district, legal_dong = EXCLUDED.legal_dong,
                road_code = EXCLUDED.road_code, road_name = EXCLUDED.road_name, underground = EXCLUDED.underground,
                main_number = EXCLUDED.main_number, sub_number = EXCLUDED.sub_number,
                postal_code = EXCLUDED.postal_code, administrative_dong_code = EXCLUDED.administrative_dong_code,
                administrative_dong = EXCLUDED.administrative_dong, building_name = EXCLUDED.building_name,
                search_text = EXCLUDED.search_text
            WHERE (road_name_address.legal_dong_code, road_name_address.province, road_name_address.district,
                road_name_address.legal_dong, road_name_address.road_code, road_name_address.road_name,
                road_name_address.underground, road_name_address.main_number, road_name_address.sub_number,
                road_name_address.postal_code, road_name_address.administrative_dong_code,
                road_name_address.administrative_dong, road_name_address.building_name, road_name_address.search_text)
              IS DISTINCT FROM (EXCLUDED.legal_dong_code, EXCLUDED.province, EXCLUDED.district, EXCLUDED.legal_dong,
                EXCLUDED.road_code, EXCLUDED.road_name, EXCLUDED.underground, EXCLUDED.main_number,
                EXCLUDED.sub_number, EXCLUDED.postal_code, EXCLUDED.administrative_dong_code,
                EXCLUDED.administrative_dong, EXCLUDED.building_name, EXCLUDED.search_text)
            """;

    /**
     * What a load did: rows read from the file, rows inserted or changed, rows the register holds after, the file's
     * SHA-256, and whether it was skipped as the file loaded last.
     */
    public record Loaded(int read, int written, long held, String sha256, boolean unchanged) {
    }

    /** When a start reads the file: only when it is not the one loaded last, or every time. */
    public enum Reload {
        WHEN_CHANGED, ALWAYS
    }

    private final DataSource dataSource;
    private final ResidencySettings.AddressRegister settings;

    AddressRegisterLoader(DataSource dataSource, ResidencySettings settings) {
        this.dataSource = dataSource;
        this.settings = settings.addressRegister();
    }

    /** Before the demo residents and anything else that may file a move-in (Flyway has run: it is earlier still). */
    void onStart(@Observes @Priority(1) StartupEvent event) throws SQLException {
        load(settings.file(), settings.reload());
    }

    /** Loads {@code file} ({@code classpath:…} or a path), or with {@link Reload#WHEN_CHANGED} only hashes it. */
    public Loaded load(String file, Reload reload) throws SQLException {
        long started = System.nanoTime();
        // Only a start that may skip the load needs the hash first; a load hashes what it reads.
        String sha256 = reload == Reload.WHEN_CHANGED ? sha256(file) : null;
        int read = 0;
        int written = 0;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true);
            try (Statement lock = c.createStatement()) {
                lock.execute("SELECT pg_advisory_lock(" + LOAD_LOCK + ")");
            }
            MessageDigest readDigest = newSha256();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                    new DigestInputStream(openBytes(file), readDigest), StandardCharsets.UTF_8));
                 PreparedStatement upsert = c.prepareStatement(UPSERT)) {
                if (sha256 != null && sha256.equals(lastLoaded(c))) {
                    long held = held(c);
                    LOG.infof("Road-name address register: %s is the file loaded last (SHA-256 %s), not read again; "
                            + "the register holds %d rows (%d ms)", file, sha256, held,
                            (System.nanoTime() - started) / 1_000_000);
                    return new Loaded(0, 0, held, sha256, true);
                }
                c.setAutoCommit(false);
                List<RoadNameAddress> batch = new ArrayList<>(BATCH);
                int lineNumber = 0;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    lineNumber++;
                    if (line.isBlank() || line.startsWith(COMMENT)) {
                        continue;
                    }
                    batch.add(row(line, lineNumber));
                    read++;
                    if (batch.size() == BATCH) {
                        written += write(c, upsert, batch);
                    }
                }
                written += write(c, upsert, batch);
                // The hash of the bytes this load read: were the file replaced since it was hashed above, the next
                // start sees a different file and loads it.
                sha256 = hex(readDigest);
                recordLoad(c, file, sha256, read, written);
            } catch (SQLException | RuntimeException e) {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
                try (Statement unlock = c.createStatement()) {
                    unlock.execute("SELECT pg_advisory_unlock(" + LOAD_LOCK + ")");
                }
                c.setAutoCommit(autoCommit);
            }
            long held = held(c);
            LOG.infof("Road-name address register: %d rows in %s, %d inserted or changed; the register holds %d "
                    + "(%d ms)", read, file, written, held, (System.nanoTime() - started) / 1_000_000);
            return new Loaded(read, written, held, sha256, false);
        } catch (IOException e) {
            throw new UncheckedIOException("The road-name address register " + file + " cannot be read", e);
        }
    }

    private static int write(Connection c, PreparedStatement upsert, List<RoadNameAddress> batch)
            throws SQLException {
        if (batch.isEmpty()) {
            return 0;
        }
        for (RoadNameAddress r : batch) {
            int i = 0;
            upsert.setString(++i, r.managementNumber);
            upsert.setString(++i, r.legalDongCode);
            upsert.setString(++i, r.province);
            upsert.setString(++i, r.district);
            upsert.setString(++i, r.legalDong);
            upsert.setString(++i, r.roadCode);
            upsert.setString(++i, r.roadName);
            upsert.setBoolean(++i, r.underground);
            upsert.setInt(++i, r.mainNumber);
            upsert.setInt(++i, r.subNumber);
            upsert.setString(++i, r.postalCode);
            upsert.setString(++i, r.administrativeDongCode);
            upsert.setString(++i, r.administrativeDong);
            upsert.setString(++i, r.buildingName);
            upsert.setString(++i, r.searchText);
            upsert.addBatch();
        }
        int written = 0;
        for (int count : upsert.executeBatch()) {
            // An unchanged row is skipped by the WHERE: 0 rows.
            written += Math.max(count, 0);
        }
        c.commit();
        batch.clear();
        return written;
    }

    /** The SHA-256 of the file loaded last, or null before the first load. */
    private static String lastLoaded(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT sha256 FROM road_name_address_load ORDER BY id DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void recordLoad(Connection c, String file, String sha256, int read, int written)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO road_name_address_load (source, sha256, "
                + "rows_read, rows_written) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, file);
            insert.setString(2, sha256);
            insert.setInt(3, read);
            insert.setInt(4, written);
            insert.executeUpdate();
        }
        c.commit();
    }

    /** The file's SHA-256 in hex: a pass over its bytes, seconds for the national file, no database work. */
    static String sha256(String file) {
        MessageDigest digest = newSha256();
        try (InputStream in = new DigestInputStream(openBytes(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
            return hex(digest);
        } catch (IOException e) {
            throw new UncheckedIOException("The road-name address register " + file + " cannot be read", e);
        }
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static long held(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM road_name_address")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One line of the file; a malformed one stops the start, naming its line (a half-loaded register misleads). */
    static RoadNameAddress row(String line, int lineNumber) {
        String[] c = line.split(SEPARATOR, -1);
        if (c.length != COLUMNS) {
            throw new IllegalArgumentException("Road-name address register line " + lineNumber + ": " + c.length
                    + " columns, expected " + COLUMNS);
        }
        try {
            RoadNameAddress r = new RoadNameAddress();
            int i = 0;
            r.managementNumber = c[i++].strip();
            r.legalDongCode = c[i++].strip();
            r.province = c[i++].strip();
            r.district = c[i++].strip();
            r.legalDong = c[i++].strip();
            r.roadCode = c[i++].strip();
            r.roadName = c[i++].strip();
            r.underground = underground(c[i++].strip());
            r.mainNumber = Integer.parseInt(c[i++].strip());
            r.subNumber = Integer.parseInt(c[i++].strip());
            r.postalCode = c[i++].strip();
            r.administrativeDongCode = c[i++].strip();
            r.administrativeDong = c[i++].strip();
            r.buildingName = c[i].strip();
            r.searchText = SearchText.of(r);
            return r;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Road-name address register line " + lineNumber + ": " + e.getMessage(),
                    e);
        }
    }

    /** 지하여부 as the file writes it: 0 above ground, 1 underground. */
    private static boolean underground(String flag) {
        return switch (flag) {
            case "0" -> false;
            case "1" -> true;
            default -> throw new IllegalArgumentException("지하여부 must be 0 or 1, not " + flag);
        };
    }

    private static InputStream openBytes(String file) throws IOException {
        InputStream in;
        if (file.startsWith(CLASSPATH)) {
            String resource = file.substring(CLASSPATH.length());
            in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("no " + resource + " on the class path");
            }
        } else {
            in = Files.newInputStream(Path.of(file));
        }
        return in;
    }
}
