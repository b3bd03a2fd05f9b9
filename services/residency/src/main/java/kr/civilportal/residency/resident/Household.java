package kr.civilportal.residency.resident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A household (세대): the people registered together at one address, one of them its head (세대주). */
@Entity
public class Household extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Road-name address (도로명주소). */
    @Column(nullable = false, length = 300)
    public String address;

    /** The members in certificate order: the head first, then by relation, then the elder first. */
    public List<Resident> members() {
        List<Resident> members = Resident.list("household.id", id);
        return members.stream()
                .sorted(Comparator.comparing((Resident r) -> r.relationToHead).thenComparing(r -> r.birthDate))
                .toList();
    }
}
