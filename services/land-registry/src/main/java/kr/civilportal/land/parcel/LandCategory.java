package kr.civilportal.land.parcel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A land category (지목): one of the 28 legal uses of a parcel, e.g. {@code 08 대} (building site). Reference
 * data loaded by the first migration; the service never writes it.
 */
@Entity
@Table(name = "land_category")
public class LandCategory extends PanacheEntityBase {

    /** Official two-digit code, {@code 01} (전) to {@code 28} (잡종지). */
    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 2)
    public String code;

    @Column(name = "name_ko", nullable = false, unique = true)
    public String nameKo;

    @Column(name = "name_en", nullable = false)
    public String nameEn;
}
