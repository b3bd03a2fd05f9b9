package kr.civilportal.residency.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import kr.civilportal.residency.ResidencySettings;
import kr.civilportal.residency.resident.RelationToHead;
import kr.civilportal.residency.rrn.RrnCipher;
import org.jboss.logging.Logger;

/**
 * A large synthetic population for load tests ({@code portal.residency.load-test-residents}, 0 = off, e.g.
 * 100000). Korean names and road-name addresses are drawn from fixed lists with a seeded random, so every
 * run creates the same people. Written in chunks of {@value #CHUNK} residents, one transaction and JDBC
 * batch per chunk; a chunk whose first resident exists is skipped, so a restart resumes and a second
 * replica (which waits on the advisory lock) finds the work done. Registration numbers are synthetic but
 * valid (check digit), encrypted like any other.
 */
@ApplicationScoped
public class LoadTestResidents {

    static final int CHUNK = 1000;
    /** The high bits of every generated id, so generated rows are recognisable and never clash with others. */
    static final long RESIDENT_ID_HIGH = 0x5EED0000_0000_4000L;
    static final long HOUSEHOLD_ID_HIGH = 0x5EED0000_0000_4001L;
    private static final long SEED_LOCK = 0x5EED0001L;
    private static final Logger LOG = Logger.getLogger(LoadTestResidents.class);

    static final String[] SURNAMES = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신",
            "권", "황", "안", "송", "류", "전", "홍", "고", "문", "양", "손", "배", "백", "허", "남", "심"};
    static final String[] GIVEN = {"민", "서", "지", "현", "준", "도", "하", "윤", "예", "수", "주", "우", "은", "연",
            "진", "영", "호", "성", "태", "유", "재", "원", "다", "채", "시", "건", "승", "혜", "경", "희"};
    static final String[][] DISTRICTS = {
            {"서울특별시 강남구", "테헤란로", "도산대로", "언주로"}, {"서울특별시 마포구", "월드컵북로", "양화로", "독막로"},
            {"서울특별시 종로구", "세종대로", "율곡로", "자하문로"}, {"부산광역시 해운대구", "센텀중앙로", "해운대해변로", "좌동순환로"},
            {"대구광역시 수성구", "달구벌대로", "동대구로", "범어로"}, {"인천광역시 연수구", "컨벤시아대로", "송도과학로", "센트럴로"},
            {"광주광역시 북구", "용봉로", "서암대로", "우치로"}, {"대전광역시 유성구", "대학로", "엑스포로", "유성대로"},
            {"울산광역시 남구", "삼산로", "번영로", "문수로"}, {"세종특별자치시", "한누리대로", "도움로", "가름로"},
            {"경기도 성남시 분당구", "판교역로", "불정로", "황새울로"}, {"경기도 수원시 영통구", "광교중앙로", "봉영로", "센트럴타운로"},
            {"강원특별자치도 춘천시", "중앙로", "후석로", "공지로"}, {"충청북도 청주시 흥덕구", "직지대로", "가경로", "풍산로"},
            {"전북특별자치도 전주시 완산구", "효자로", "홍산로", "팔달로"}, {"경상남도 창원시 성산구", "중앙대로", "원이대로", "창원대로"},
            {"제주특별자치도 제주시", "연북로", "노형로", "중앙로"}};
    private static final int[] WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};

    private final DataSource dataSource;
    private final RrnCipher cipher;
    private final int target;

    LoadTestResidents(DataSource dataSource, RrnCipher cipher,
                      ResidencySettings settings) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.target = settings.loadTestResidents();
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        if (target > 0) {
            seed(target);
        }
    }

    /** Creates residents 0..count-1 (rounded up to whole chunks) where missing. */
    public void seed(int count) throws SQLException {
        long started = System.nanoTime();
        int created = 0;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true);
            try (var lock = c.createStatement()) {
                lock.execute("SELECT pg_advisory_lock(" + SEED_LOCK + ")");
            }
            try {
                c.setAutoCommit(false);
                for (int chunk = 0; chunk * CHUNK < count; chunk++) {
                    if (exists(c, residentId(chunk * CHUNK))) {
                        continue;
                    }
                    created += writeChunk(c, chunk);
                    c.commit();
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
                try (var unlock = c.createStatement()) {
                    unlock.execute("SELECT pg_advisory_unlock(" + SEED_LOCK + ")");
                }
                c.setAutoCommit(autoCommit);
            }
        }
        if (created > 0) {
            LOG.infof("Load-test data: added %d residents in %d ms", created, (System.nanoTime() - started) / 1_000_000);
        }
    }

    static UUID residentId(int i) {
        return new UUID(RESIDENT_ID_HIGH, i);
    }

    private static boolean exists(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM resident WHERE id = ?")) {
            s.setObject(1, id);
            try (var r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private int writeChunk(Connection c, int chunk) throws SQLException {
        Random random = new Random(0x5EEDL * 31 + chunk);
        int written = 0;
        try (PreparedStatement hh = c.prepareStatement("INSERT INTO household (id, address) VALUES (?, ?)");
             PreparedStatement rs = c.prepareStatement("INSERT INTO resident (id, name, birth_date, rrn_key_id, "
                     + "rrn_ciphertext, rrn_lookup_hash, household_id, relation_to_head) VALUES (?,?,?,?,?,?,?,?) "
                     + "ON CONFLICT DO NOTHING");
             PreparedStatement ah = c.prepareStatement("INSERT INTO address_history (resident_id, household_id, "
                     + "address, moved_in_on, reason) SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM resident WHERE id = ?)")) {
            int i = chunk * CHUNK;
            int end = i + CHUNK;
            while (i < end) {
                UUID householdId = new UUID(HOUSEHOLD_ID_HIGH, i);
                String address = address(random);
                hh.setObject(1, householdId);
                hh.setString(2, address);
                hh.addBatch();
                int size = Math.min(end - i, 1 + random.nextInt(4));
                String surname = SURNAMES[random.nextInt(SURNAMES.length)];
                LocalDate headBirth = LocalDate.of(1945, 1, 1).plusDays(random.nextInt(55 * 365));
                LocalDate movedIn = headBirth.plusYears(25 + random.nextInt(20)).withDayOfMonth(1);
                if (movedIn.isAfter(LocalDate.of(2025, 12, 1))) {
                    movedIn = LocalDate.of(2025, 12, 1);
                }
                for (int m = 0; m < size; m++, i++) {
                    RelationToHead relation = m == 0 ? RelationToHead.HEAD : m == 1 ? RelationToHead.SPOUSE : RelationToHead.CHILD;
                    LocalDate birth = switch (relation) {
                        case HEAD -> headBirth;
                        case SPOUSE -> headBirth.plusDays(random.nextInt(6 * 365) - 3 * 365);
                        default -> min(headBirth.plusYears(24 + random.nextInt(16)).plusDays(random.nextInt(365)),
                                LocalDate.of(2020, 9, 30));
                    };
                    boolean female = relation == RelationToHead.SPOUSE ? true : random.nextBoolean();
                    String name = (relation == RelationToHead.SPOUSE ? SURNAMES[random.nextInt(SURNAMES.length)] : surname)
                            + GIVEN[random.nextInt(GIVEN.length)] + GIVEN[random.nextInt(GIVEN.length)];
                    UUID id = residentId(i);
                    var rrn = kr.civilportal.residency.rrn.ResidentRegistrationNumber.parse(rrn(birth, female, i));
                    var sealed = cipher.encrypt(rrn, id.toString());
                    rs.setObject(1, id);
                    rs.setString(2, name);
                    rs.setObject(3, birth);
                    rs.setString(4, sealed.keyId());
                    rs.setBytes(5, sealed.ciphertext());
                    rs.setBytes(6, sealed.lookupHash());
                    rs.setObject(7, householdId);
                    rs.setString(8, relation.name());
                    rs.addBatch();
                    LocalDate since = birth.isAfter(movedIn) ? birth : movedIn;
                    ah.setObject(1, id);
                    ah.setObject(2, householdId);
                    ah.setString(3, address);
                    ah.setObject(4, since);
                    ah.setString(5, birth.isAfter(movedIn) ? "BIRTH" : "MOVE_IN");
                    ah.setObject(6, id);
                    ah.addBatch();
                    written++;
                }
            }
            hh.executeBatch();
            rs.executeBatch();
            ah.executeBatch();
        }
        return written;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    static String address(Random random) {
        String[] d = DISTRICTS[random.nextInt(DISTRICTS.length)];
        String road = d[1 + random.nextInt(d.length - 1)];
        int building = 1 + random.nextInt(400);
        return random.nextInt(3) == 0
                ? d[0] + " " + road + " " + building
                : d[0] + " " + road + " " + building + ", " + (101 + random.nextInt(12)) + "동 "
                + (1 + random.nextInt(25)) + String.format("%02d", 1 + random.nextInt(6)) + "호";
    }

    /**
     * A valid, unique number: birth date, the sex/century digit, five digits that are a bijection of the
     * index (7919 is coprime to 10^5, so no two residents of the first 100,000 share them), the check digit.
     */
    static String rrn(LocalDate birth, boolean female, int index) {
        int centuryDigit = birth.getYear() >= 2000 ? (female ? 4 : 3) : (female ? 2 : 1);
        String front = String.format("%02d%02d%02d%d%05d", birth.getYear() % 100, birth.getMonthValue(),
                birth.getDayOfMonth(), centuryDigit, (int) ((index * 7919L) % 100_000));
        int sum = 0;
        for (int k = 0; k < 12; k++) {
            sum += (front.charAt(k) - '0') * WEIGHTS[k];
        }
        return front.substring(0, 6) + "-" + front.substring(6) + (11 - sum % 11) % 10;
    }
}
