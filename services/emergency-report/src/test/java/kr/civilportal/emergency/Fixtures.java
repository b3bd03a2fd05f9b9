package kr.civilportal.emergency;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;

/** Test data: reports as phones send them, and files that are (or only claim to be) photos and videos. */
public final class Fixtures {

    public static final String REPORTS = "/api/emergency/v1/reports";

    private Fixtures() {
    }

    public static String report(String category, String description, String phone) {
        return """
                {"category": "%s", "description": "%s", "latitude": 37.5665, "longitude": 126.9780,
                 "accuracyMeters": 12, "address": "서울특별시 중구 세종대로 110"%s}
                """.formatted(category, description, phone == null ? "" : ", \"reporterPhone\": \"" + phone + "\"");
    }

    /** A unique report, so that a test can find its own among everything else in the shared database. */
    public static String uniqueReport() {
        return report("FIRE", "상가 1층에서 연기가 납니다 " + UUID.randomUUID(), "010-2345-6789");
    }

    public static byte[] jpeg(int size) {
        return withHead(size, 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00);
    }

    public static byte[] png(int size) {
        return withHead(size, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R');
    }

    public static byte[] mp4(int size) {
        return withHead(size, 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 0, 0);
    }

    public static byte[] quicktime(int size) {
        return withHead(size, 0, 0, 0, 0x14, 'f', 't', 'y', 'p', 'q', 't', ' ', ' ', 0, 0, 0, 0);
    }

    public static byte[] heic(int size) {
        return withHead(size, 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0);
    }

    /** What a mislabelled "photo" often is: a web page or a document. */
    public static byte[] html() {
        return "<!DOCTYPE html><html><body>not a photo</body></html>".getBytes();
    }

    private static byte[] withHead(int size, int... head) {
        byte[] bytes = new byte[Math.max(size, head.length)];
        Arrays.fill(bytes, (byte) 0x5A);
        for (int i = 0; i < head.length; i++) {
            bytes[i] = (byte) head[i];
        }
        return bytes;
    }

    public static long count(DataSource dataSource, String sql) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
