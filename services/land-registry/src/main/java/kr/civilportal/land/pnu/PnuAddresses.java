package kr.civilportal.land.pnu;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import kr.civilportal.common.problem.ProblemException;

/**
 * Turns a PNU into its lot address and back, with the legal-dong names of the register
 * ({@code 1111010100100010000} ⇄ {@code 서울특별시 종로구 청운동 1}). Works for any lot of a known legal dong,
 * whether or not a parcel is registered there: that is what a citizen needs to find the right number.
 */
@ApplicationScoped
public class PnuAddresses {

    private final EntityManager em;

    PnuAddresses(EntityManager em) {
        this.em = em;
    }

    /** The lot address of a PNU, or 404 when its legal dong is unknown. */
    @Transactional
    public PnuView address(Pnu pnu) {
        List<String> names = em.createQuery("select d.name from LegalDong d where d.code = ?1", String.class)
                .setParameter(1, pnu.legalDongCode()).getResultList();
        if (names.isEmpty()) {
            throw unknownDong();
        }
        return PnuView.of(pnu, names.get(0));
    }

    /**
     * The PNU of an address: the legal dong is the one whose full name equals the text before the lot, or else
     * the only one whose name contains all its words ({@code 청운동 1}); several candidates are a field error.
     */
    @Transactional
    public PnuView pnu(LotAddress address) {
        if (address.lot() == null) {
            throw ProblemException.invalidField("address", "must end with a lot number, e.g. 청운동 1",
                    "주소 끝에 지번을 적어 주세요. 예: 청운동 1");
        }
        List<Object[]> exact = em.createQuery("select d.code, d.name from LegalDong d where d.name = ?1", Object[].class)
                .setParameter(1, address.legalDongName()).getResultList();
        List<Object[]> found = exact;
        if (found.isEmpty()) {
            StringBuilder q = new StringBuilder("select d.code, d.name from LegalDong d where 1 = 1");
            String[] words = address.legalDongName().split(" ");
            for (int i = 0; i < words.length; i++) {
                q.append(" and lower(d.name) like ?").append(i + 1);
            }
            var query = em.createQuery(q + " order by d.code", Object[].class).setMaxResults(2);
            for (int i = 0; i < words.length; i++) {
                query.setParameter(i + 1, "%" + words[i].toLowerCase(Locale.ROOT)
                        .replace("\\", "").replace("%", "").replace("_", "") + "%");
            }
            found = query.getResultList();
        }
        if (found.isEmpty()) {
            throw unknownDong();
        }
        if (found.size() > 1) {
            throw ProblemException.invalidField("address", "names more than one legal dong; give its full name",
                    "여러 법정동에 해당합니다. 시·도와 시·군·구를 포함해 적어 주세요.");
        }
        return PnuView.of(Pnu.of((String) found.get(0)[0], address.lot()), (String) found.get(0)[1]);
    }

    private static ProblemException unknownDong() {
        return ProblemException.notFound("No legal dong (법정동) of this code or name is on the register.",
                "해당 법정동이 토지대장에 없습니다.");
    }
}
