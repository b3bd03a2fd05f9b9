package kr.civilportal.residency.address;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One building entrance of the road-name address register (도로명주소), as 행정안전부's file gives it: read only here,
 * written by {@link AddressRegisterLoader} alone.
 */
@Entity
@Table(name = "road_name_address")
public class RoadNameAddress extends PanacheEntityBase {

    /** 도로명주소관리번호. */
    @Id
    @Column(name = "management_number", length = 26)
    public String managementNumber;

    /** 법정동코드. */
    @Column(name = "legal_dong_code", nullable = false, length = 10)
    public String legalDongCode;

    /** 시도명. */
    @Column(nullable = false, length = 40)
    public String province;

    /** 시군구명; empty for 세종특별자치시, which has none. */
    @Column(nullable = false, length = 40)
    public String district;

    /** 법정읍면동명, the 참고항목 of the canonical address. */
    @Column(name = "legal_dong", nullable = false, length = 40)
    public String legalDong;

    /** 도로명코드. */
    @Column(name = "road_code", nullable = false, length = 12)
    public String roadCode;

    /** 도로명. */
    @Column(name = "road_name", nullable = false, length = 80)
    public String roadName;

    /** 지하여부. */
    @Column(nullable = false)
    public boolean underground;

    /** 건물본번. */
    @Column(name = "main_number", nullable = false)
    public int mainNumber;

    /** 건물부번; 0 when the building has none. */
    @Column(name = "sub_number", nullable = false)
    public int subNumber;

    /** 기초구역번호, the postal code. */
    @Column(name = "postal_code", nullable = false, length = 5)
    public String postalCode;

    /** 행정동코드. */
    @Column(name = "administrative_dong_code", nullable = false, length = 10)
    public String administrativeDongCode;

    /** 행정동명: whose 주민센터 serves the address. */
    @Column(name = "administrative_dong", nullable = false, length = 40)
    public String administrativeDong;

    /** 시군구용건물명; empty when the building has none. */
    @Column(name = "building_name", nullable = false, length = 100)
    public String buildingName;

    /** The words the address search matches (see {@link SearchText}). */
    @Column(name = "search_text", nullable = false, length = 400)
    public String searchText;

    /** 시·도 시·군·구 도로명 [지하] 본번[-부번]: the road-name address as it is written everywhere. */
    public String roadNameAddress() {
        StringBuilder a = new StringBuilder(province);
        if (!district.isBlank()) {
            a.append(' ').append(district);
        }
        a.append(' ').append(roadName).append(' ');
        if (underground) {
            a.append(WrittenAddress.UNDERGROUND).append(' ');
        }
        a.append(number());
        return a.toString();
    }

    /** 본번[-부번]. */
    String number() {
        return subNumber == 0 ? Integer.toString(mainNumber) : mainNumber + "-" + subNumber;
    }
}
