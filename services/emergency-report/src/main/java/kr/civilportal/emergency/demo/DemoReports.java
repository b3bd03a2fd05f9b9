package kr.civilportal.emergency.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.civilportal.emergency.EmergencyReportSettings;
import kr.civilportal.emergency.dispatch.Outcome;
import kr.civilportal.emergency.phone.PhoneCipher;
import kr.civilportal.emergency.phone.PhoneNumber;
import kr.civilportal.emergency.report.EmergencyReport;
import kr.civilportal.emergency.report.ReportCategory;
import kr.civilportal.emergency.report.ReportStatus;
import org.jboss.logging.Logger;

/**
 * A few reports for the demo {@code dispatcher} to look at, in different states. Only with
 * {@code portal.emergency.demo-data=true} (dev and test profiles). Every number and place is invented.
 */
@ApplicationScoped
public class DemoReports {

    public static final UUID FIRE = UUID.fromString("119e0000-0000-4000-8000-000000000001");
    public static final UUID MEDICAL = UUID.fromString("119e0000-0000-4000-8000-000000000002");
    public static final UUID OTHER = UUID.fromString("119e0000-0000-4000-8000-000000000003");
    /** Serialises seeding when several replicas start at once. */
    private static final long SEED_LOCK = 0x119E0119L;
    private static final Logger LOG = Logger.getLogger(DemoReports.class);

    record Demo(UUID id, ReportCategory category, String description, double latitude, double longitude,
                Double accuracyMeters, String address, String phone, ReportStatus status, Duration age) {
    }

    static final List<Demo> REPORTS = List.of(
            new Demo(FIRE, ReportCategory.FIRE, "3층 창문에서 검은 연기가 나오고 있습니다. 사람이 안에 있는지 모르겠어요.",
                    37.5704, 126.9921, 12.0, "서울특별시 종로구 종로 200 인근 상가 건물", "010-2468-1357",
                    ReportStatus.RECEIVED, Duration.ofMinutes(3)),
            new Demo(MEDICAL, ReportCategory.EMERGENCY_MEDICAL, "등산로에서 60대 남성이 쓰러져 의식이 없습니다.",
                    37.6586, 126.9780, 35.0, "북한산 백운대 탐방로 중턱", "010-9753-8642",
                    ReportStatus.ACKNOWLEDGED, Duration.ofMinutes(9)),
            new Demo(OTHER, ReportCategory.OTHER, "도로에 쓰러진 가로수가 차로 하나를 막고 있습니다.",
                    35.1631, 129.1636, null, null, null,
                    ReportStatus.CLOSED, Duration.ofHours(2)));

    private final PhoneCipher cipher;
    private final EntityManager em;
    private final boolean enabled;

    DemoReports(PhoneCipher cipher, EntityManager em,
                EmergencyReportSettings settings) {
        this.cipher = cipher;
        this.em = em;
        this.enabled = settings.demoData();
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            seed();
        }
    }

    @Transactional
    void seed() {
        // Held to the end of the transaction: a second replica waits here, then finds the rows and adds none.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + SEED_LOCK + ")").getSingleResult();
        Instant now = Instant.now();
        int added = 0;
        for (Demo d : REPORTS) {
            if (EmergencyReport.findById(d.id()) == null) {
                EmergencyReport report = EmergencyReport.received(d.id(), d.category(), d.description(),
                        d.latitude(), d.longitude(), d.accuracyMeters(), d.address(),
                        d.phone() == null ? null : PhoneNumber.parse(d.phone()), now.minus(d.age()), cipher);
                report.status = d.status();
                // The steps its status implies, a minute apart, so the board and the reporter's view agree.
                if (d.status() != ReportStatus.RECEIVED) {
                    report.acknowledgedAt = report.receivedAt.plus(Duration.ofMinutes(1));
                    report.acknowledgedBy = "dispatcher";
                }
                if (d.status() == ReportStatus.CLOSED) {
                    report.dispatchedAt = report.receivedAt.plus(Duration.ofMinutes(2));
                    report.assignedUnit = "해운대소방서 구조1";
                    report.closedAt = report.receivedAt.plus(Duration.ofMinutes(30));
                    report.outcome = Outcome.RESOLVED;
                }
                report.persist();
                added++;
            }
        }
        if (added > 0) {
            LOG.infof("Demo data: added %d reports", added);
        }
    }
}
