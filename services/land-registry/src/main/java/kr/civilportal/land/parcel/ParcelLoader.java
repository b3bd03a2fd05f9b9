package kr.civilportal.land.parcel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kr.civilportal.land.owner.OwnerChange;
import kr.civilportal.land.pnu.Pnu;

/** Reads one parcel from the database with its prices and owner history: what a cache miss costs. */
@ApplicationScoped
public class ParcelLoader {

    @Transactional
    public ParcelView load(Pnu pnu) {
        Parcel parcel = Parcel.findWithDetails(pnu).orElseThrow(ParcelRegister::noParcel);
        var prices = OfficialLandPrice.newestFirst(pnu).stream()
                .map(p -> new ParcelView.LandPriceView(p.year, p.pricePerSquareMeter))
                .toList();
        var owners = OwnerChange.newestFirst(pnu).stream().map(OwnerChange::view).toList();
        LandCategory category = parcel.landCategory;
        return new ParcelView(pnu.value(), pnu.lotAddress(parcel.legalDong.name), pnu.legalDongCode(),
                pnu.isMountain(), pnu.mainNumber(), pnu.subNumber(),
                new ParcelView.LandCategoryView(category.code, category.nameKo, category.nameEn),
                parcel.areaSquareMeters, prices, owners);
    }
}
