package kr.civilportal.land.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.civilportal.land.parcel.Parcel;
import kr.civilportal.land.pnu.LotNumber;
import kr.civilportal.land.pnu.Pnu;

/**
 * Finds parcels by PNU, by legal dong and lot number, or by address text, optionally of one land category
 * (지목) only. Results come in register order,
 * i.e. by PNU (legal dong, general before mountain lots, main then sub number): a total order on a unique
 * key, so pages never overlap or skip a parcel while the register does not change.
 * <p>
 * A lot number with a sub number ({@code 12-3}) finds that lot; without one ({@code 12}, or {@code 12-0}, the
 * same lot) it finds the main lot and all its sub lots (12, 12-1, 12-2, ...), as a citizen who types
 * "청운동 12" expects; the main lot itself comes first.
 * Address words must all occur in the legal dong's full name, so {@code 종로구 청운동 1} and {@code 청운동 1} both
 * work.
 */
@ApplicationScoped
public class ParcelSearch {

    private final EntityManager em;

    ParcelSearch(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public ParcelPage search(SearchQuery query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.pnu() != null) {
            where.append(" and p.pnu = :pnu");
            params.put("pnu", query.pnu().value());
        } else if (query.legalDongCode() != null) {
            where.append(" and p.legalDong.code = :dong");
            params.put("dong", query.legalDongCode());
            if (query.lot() != null) {
                // On the primary key: the PNUs of a lot and its sub lots are one range.
                String[] range = lotRange(query.lot());
                where.append(" and p.pnu between :from and :to");
                params.put("from", query.legalDongCode() + range[0]);
                params.put("to", query.legalDongCode() + range[1]);
            }
        } else {
            List<String> words = List.of(query.address().legalDongName().split(" "));
            for (int i = 0; i < words.size(); i++) {
                where.append(" and lower(p.legalDong.name) like :w").append(i).append(" escape '\\'");
                params.put("w" + i, "%" + escapeLike(words.get(i).toLowerCase(Locale.ROOT)) + "%");
            }
            lotFilter(query.address().lot(), where, params);
        }
        if (query.landCategory() != null) {
            where.append(" and p.landCategory.code = :category");
            params.put("category", query.landCategory());
        }
        TypedQuery<Long> count = em.createQuery("select count(p) from Parcel p" + where, Long.class);
        TypedQuery<Parcel> page = em.createQuery("from Parcel p join fetch p.legalDong join fetch p.landCategory"
                + where + " order by p.pnu", Parcel.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            page.setParameter(k, v);
        });
        long total = count.getSingleResult();
        List<ParcelPage.ParcelSummary> items = new ArrayList<>();
        if (total > (long) query.page() * query.size()) {
            for (Parcel p : page.setFirstResult(query.page() * query.size()).setMaxResults(query.size())
                    .getResultList()) {
                Pnu pnu = p.pnu();
                items.add(new ParcelPage.ParcelSummary(pnu.value(), pnu.lotAddress(p.legalDong.name),
                        p.landCategory.code, p.landCategory.nameKo, p.areaSquareMeters));
            }
        }
        return new ParcelPage(List.copyOf(items), query.page(), query.size(), total);
    }

    /** The lot digits of a PNU (positions 11 to 19): exact with a sub number, a range over subs without. */
    private static void lotFilter(LotNumber lot, StringBuilder where, Map<String, Object> params) {
        if (lot == null) {
            return;
        }
        String[] range = lotRange(lot);
        where.append(" and substring(p.pnu, 11, 9) between :lotFrom and :lotTo");
        params.put("lotFrom", range[0]);
        params.put("lotTo", range[1]);
    }

    /** First and last lot digits (land type, main, sub) a lot number stands for. */
    static String[] lotRange(LotNumber lot) {
        String digits = lot.pnuDigits();
        return lot.subNumber() != 0 ? new String[] {digits, digits}
                : new String[] {digits, digits.substring(0, 5) + "9999"};
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
