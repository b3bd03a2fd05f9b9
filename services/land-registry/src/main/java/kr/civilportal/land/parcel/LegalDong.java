package kr.civilportal.land.parcel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A legal dong (법정동): the area a parcel lies in, named in full (시도 시군구 읍면동 [리]). */
@Entity
@Table(name = "legal_dong")
public class LegalDong extends PanacheEntityBase {

    /** 10-digit legal-dong code (법정동코드); char(10) in the schema, hence the explicit JDBC type. */
    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 10)
    public String code;

    /** Full name as printed on a register, e.g. {@code 서울특별시 종로구 청운동}. */
    @Column(nullable = false)
    public String name;
}
