package kr.civilportal.land.parcel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import kr.civilportal.land.pnu.Pnu;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The official land price (개별공시지가) of a parcel for one year, in won per square metre. */
@Entity
@Table(name = "official_land_price")
@IdClass(OfficialLandPrice.Key.class)
public class OfficialLandPrice extends PanacheEntityBase {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 19)
    public String pnu;

    @Id
    @Column(name = "year")
    public int year;

    @Column(name = "price_per_m2", nullable = false)
    public long pricePerSquareMeter;

    /** All the years a parcel has a price for, newest first (the order the register shows them in). */
    public static List<OfficialLandPrice> newestFirst(Pnu pnu) {
        return list("from OfficialLandPrice p where p.pnu = ?1 order by p.year desc", pnu.value());
    }

    /** Primary key (pnu, year). */
    public static class Key implements Serializable {
        public String pnu;
        public int year;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && year == k.year && Objects.equals(pnu, k.pnu);
        }

        @Override
        public int hashCode() {
            return Objects.hash(pnu, year);
        }
    }
}
