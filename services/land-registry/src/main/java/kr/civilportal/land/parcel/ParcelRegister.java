package kr.civilportal.land.parcel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.land.pnu.Pnu;

/** Reads the land register (토지대장) and shapes a parcel for display. */
@ApplicationScoped
public class ParcelRegister {

    @Transactional
    public ParcelView parcel(Pnu pnu) {
        Parcel parcel = Parcel.findWithDetails(pnu).orElseThrow(ParcelRegister::noParcel);
        var prices = OfficialLandPrice.newestFirst(pnu).stream()
                .map(p -> new ParcelView.LandPriceView(p.year, p.pricePerSquareMeter))
                .toList();
        LandCategory category = parcel.landCategory;
        return new ParcelView(pnu.value(), pnu.lotAddress(parcel.legalDong.name), pnu.legalDongCode(),
                pnu.isMountain(), pnu.mainNumber(), pnu.subNumber(),
                new ParcelView.LandCategoryView(category.code, category.nameKo, category.nameEn),
                parcel.areaSquareMeters, prices);
    }

    static ProblemException noParcel() {
        return ProblemException.notFound("No parcel with this number is on the land register.",
                "해당 필지고유번호의 토지가 토지대장에 없습니다.");
    }
}
