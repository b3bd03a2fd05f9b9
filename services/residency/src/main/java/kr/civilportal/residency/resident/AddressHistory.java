package kr.civilportal.residency.resident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One address a resident was registered at (주소 변동 사항): where, since when, and why it changed. */
@Entity
@Table(name = "address_history")
public class AddressHistory extends PanacheEntityBase {

    /** Why the address changed (변동사유). */
    public enum Reason {
        BIRTH,                // 출생신고
        INITIAL_REGISTRATION, // 최초 등록
        MOVE_IN               // 전입
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "resident_id", nullable = false)
    public UUID residentId;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(nullable = false, length = 300)
    public String address;

    /** 전입일. */
    @Column(name = "moved_in_on", nullable = false)
    public LocalDate movedInOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public Reason reason;

    public static AddressHistory of(UUID residentId, UUID householdId, String address, LocalDate movedInOn,
                                    Reason reason) {
        AddressHistory h = new AddressHistory();
        h.residentId = residentId;
        h.householdId = householdId;
        h.address = address;
        h.movedInOn = movedInOn;
        h.reason = reason;
        return h;
    }

    /** Oldest first; the last entry is the current address. */
    public static List<AddressHistory> of(UUID residentId) {
        return list("residentId = ?1 order by movedInOn, id", residentId);
    }
}
