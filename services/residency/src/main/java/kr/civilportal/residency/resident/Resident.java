package kr.civilportal.residency.resident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;
import java.util.UUID;
import kr.civilportal.residency.rrn.ResidentRegistrationNumber;
import kr.civilportal.residency.rrn.RrnCipher;

/**
 * A registered resident (주민). The resident registration number is held only as ciphertext and look-up hash;
 * {@link #rrn(RrnCipher)} decrypts it for the moment it is needed.
 */
@Entity
public class Resident extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Column(name = "rrn_key_id", nullable = false, length = 40)
    public String rrnKeyId;

    @Column(name = "rrn_ciphertext", nullable = false)
    public byte[] rrnCiphertext;

    @Column(name = "rrn_lookup_hash", nullable = false, unique = true)
    public byte[] rrnLookupHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "household_id")
    public Household household;

    @Enumerated(EnumType.STRING)
    @Column(name = "relation_to_head", nullable = false, length = 20)
    public RelationToHead relationToHead;

    public static Resident create(UUID id, String name, ResidentRegistrationNumber rrn, Household household,
                                  RelationToHead relation, RrnCipher cipher) {
        Resident r = new Resident();
        r.id = id;
        r.name = name;
        r.birthDate = rrn.birthDate();
        RrnCipher.EncryptedRrn sealed = cipher.encrypt(rrn, id.toString());
        r.rrnKeyId = sealed.keyId();
        r.rrnCiphertext = sealed.ciphertext();
        r.rrnLookupHash = sealed.lookupHash();
        r.household = household;
        r.relationToHead = relation;
        return r;
    }

    public ResidentRegistrationNumber rrn(RrnCipher cipher) {
        return cipher.decrypt(rrnKeyId, rrnCiphertext, id.toString());
    }

    public static Resident findByRrn(ResidentRegistrationNumber rrn, RrnCipher cipher) {
        return find("rrnLookupHash", cipher.lookupHash(rrn)).firstResult();
    }
}
