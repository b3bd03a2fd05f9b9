package kr.civilportal.land.parcel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Optional;
import kr.civilportal.land.pnu.Pnu;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A parcel (필지) as the land register (토지대장) records it. The lot number is not stored apart from the PNU:
 * {@link #pnu()} derives it.
 */
@Entity
@Table(name = "parcel")
public class Parcel extends PanacheEntityBase {

    /** The 19-digit PNU; char(19) in the schema, hence the explicit JDBC type. */
    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 19)
    public String pnu;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "legal_dong_code")
    public LegalDong legalDong;

    /** Land category (지목). */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "land_category_code")
    public LandCategory landCategory;

    /** Area (면적) in square metres, to the hundredth as on the register. */
    @Column(name = "area_m2", nullable = false, precision = 14, scale = 2)
    public BigDecimal areaSquareMeters;

    public Pnu pnu() {
        return Pnu.parse(pnu);
    }

    /** The parcel with its legal dong and land category, in one query: every read of a parcel needs both. */
    public static Optional<Parcel> findWithDetails(Pnu pnu) {
        return find("from Parcel p join fetch p.legalDong join fetch p.landCategory where p.pnu = ?1", pnu.value())
                .firstResultOptional();
    }
}
