package kr.civilportal.residency.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.civilportal.residency.ResidencySettings;
import kr.civilportal.residency.resident.AddressHistory;
import kr.civilportal.residency.resident.Household;
import kr.civilportal.residency.resident.RelationToHead;
import kr.civilportal.residency.resident.Resident;
import kr.civilportal.residency.rrn.ResidentRegistrationNumber;
import kr.civilportal.residency.rrn.RrnCipher;
import org.jboss.logging.Logger;

/**
 * Synthetic residents behind the demo users of the development realm (their {@code resident_id} attributes
 * point here). Only with {@code portal.residency.demo-data=true} (dev and test profiles). Every number is
 * invented; none belongs to a real person.
 */
@ApplicationScoped
public class DemoResidents {

    /** Linked to Keycloak users {@code citizen} and {@code citizen2} (infra/keycloak/portal-realm.dev-overlay.json). */
    public static final UUID CITIZEN = UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-000000000001");
    public static final UUID CITIZEN2 = UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-000000000002");
    /**
     * Linked to users {@code citizen3} and {@code citizen4}: households of their own for the whole-household join
     * journey (WholeHouseholdJoinBrowserTest), so that journey moves nobody the other journeys sign in as.
     */
    public static final UUID CITIZEN3 = UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-000000000005");
    public static final UUID CITIZEN4 = UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-000000000007");
    /**
     * Linked to users {@code citizen5} (head) and {@code citizen6} (his spouse): one household whose members both sign
     * in, for the 세대주 변경 journey (HeadChangeBrowserTest), where the new head consents in their own pages.
     */
    public static final UUID CITIZEN5 = UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-000000000008");
    public static final UUID CITIZEN6 = UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-000000000009");
    /** Serialises seeding when several replicas start at once. */
    private static final long SEED_LOCK = 0x5E0B7A52L;
    private static final Logger LOG = Logger.getLogger(DemoResidents.class);

    record Person(UUID id, String name, String rrn, RelationToHead relation) {
    }

    record Family(UUID householdId, String address, List<Person> people) {
    }

    static final List<Family> FAMILIES = List.of(
            new Family(UUID.fromString("8d3f0c11-7a2b-4f60-b1a0-000000000001"),
                    "서울특별시 종로구 세종대로 209 (세종로), 101동 1203호", List.of(
                    new Person(CITIZEN, "김지민", "900315-2123451", RelationToHead.HEAD),
                    new Person(UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-000000000003"), "박준호", "880702-1234564", RelationToHead.SPOUSE),
                    new Person(UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-000000000004"), "박하린", "150921-4345679", RelationToHead.CHILD))),
            new Family(UUID.fromString("8d3f0c11-7a2b-4f60-b1a0-000000000002"),
                    "부산광역시 해운대구 센텀중앙로 79 (우동), 2305호", List.of(
                    new Person(CITIZEN2, "이서연", "951108-2456787", RelationToHead.HEAD))),
            new Family(UUID.fromString("8d3f0c11-7a2b-4f60-b1a0-000000000003"),
                    "서울특별시 마포구 월드컵북로 396 (상암동), 1502호", List.of(
                    new Person(CITIZEN3, "최도윤", "870412-1234565", RelationToHead.HEAD),
                    new Person(UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-000000000006"), "한예린", "890625-2234569", RelationToHead.SPOUSE))),
            new Family(UUID.fromString("8d3f0c11-7a2b-4f60-b1a0-000000000004"),
                    "서울특별시 종로구 종로 1 (종로1가), 1201호", List.of(
                    new Person(CITIZEN4, "오승민", "850930-1345679", RelationToHead.HEAD))),
            new Family(UUID.fromString("8d3f0c11-7a2b-4f60-b1a0-000000000005"),
                    "서울특별시 마포구 월드컵북로 396 (상암동), 1701호", List.of(
                    new Person(CITIZEN5, "정우진", "830214-1234562", RelationToHead.HEAD),
                    new Person(CITIZEN6, "윤서아", "860517-2345673", RelationToHead.SPOUSE))));

    /** Where the head of the first family lived before (so 초본 with former addresses has something to show). */
    static final List<String> FORMER_ADDRESSES = List.of(
            "대전광역시 유성구 대학로 99, 201호",
            "경기도 성남시 분당구 판교역로 235, 704호");

    private void history(Person p, Family family) {
        LocalDate movedIn = LocalDate.of(2019, 4, 1);
        if (p.id().equals(CITIZEN)) {
            AddressHistory.of(p.id(), family.householdId(), FORMER_ADDRESSES.get(0), LocalDate.of(2009, 3, 2),
                    AddressHistory.Reason.INITIAL_REGISTRATION).persist();
            AddressHistory.of(p.id(), family.householdId(), FORMER_ADDRESSES.get(1), LocalDate.of(2014, 8, 18),
                    AddressHistory.Reason.MOVE_IN).persist();
        }
        AddressHistory.Reason reason = p.relation() == RelationToHead.CHILD ? AddressHistory.Reason.BIRTH
                : AddressHistory.Reason.MOVE_IN;
        LocalDate birth = ResidentRegistrationNumber.parse(p.rrn()).birthDate();
        AddressHistory.of(p.id(), family.householdId(), family.address(), birth.isAfter(movedIn) ? birth : movedIn,
                reason).persist();
    }

    private final RrnCipher cipher;
    private final EntityManager em;
    private final boolean enabled;

    DemoResidents(RrnCipher cipher, EntityManager em,
                  ResidencySettings settings) {
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
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + SEED_LOCK + ")").getSingleResult();
        int added = 0;
        for (Family family : FAMILIES) {
            Household household = Household.findById(family.householdId());
            if (household == null) {
                household = new Household();
                household.id = family.householdId();
                household.address = family.address();
                household.persist();
            }
            for (Person p : family.people()) {
                if (Resident.findById(p.id()) == null) {
                    Resident.create(p.id(), p.name(), ResidentRegistrationNumber.parse(p.rrn()), household,
                            p.relation(), cipher).persist();
                    added++;
                }
                if (AddressHistory.count("residentId", p.id()) == 0) {
                    history(p, family);
                }
            }
        }
        if (added > 0) {
            LOG.infof("Demo data: added %d residents", added);
        }
    }
}
