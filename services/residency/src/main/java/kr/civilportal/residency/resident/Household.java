package kr.civilportal.residency.resident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
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

    public List<Resident> members() {
        return Resident.list("household.id = ?1 order by relationToHead, birthDate", id);
    }
}
