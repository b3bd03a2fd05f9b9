package kr.civilportal.land.search;

import java.util.ArrayList;
import java.util.List;
import kr.civilportal.common.paging.PageParams;
import kr.civilportal.common.paging.PageRequest;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.land.pnu.InvalidPnuException;
import kr.civilportal.land.pnu.LotAddress;
import kr.civilportal.land.pnu.LotNumber;
import kr.civilportal.land.pnu.Pnu;

/**
 * A parcel search: exactly one of by PNU, by legal dong (and optionally lot number), or by address text,
 * optionally narrowed to one land category (지목, two-digit code {@code 01}..{@code 28}: e.g. a land officer's
 * "all building sites of 청운동"); paged by common's {@code PageRequest}. Parameters arrive as text and are checked here, so each bad one
 * becomes a field error (400) rather than JAX-RS's 404 for an unconvertible query parameter.
 */
public record SearchQuery(Pnu pnu, String legalDongCode, LotNumber lot, LotAddress address, String landCategory,
                          int page, int size) {

    /** @throws ProblemException validation-failed, with one field error per bad parameter */
    public static SearchQuery parse(String pnu, String legalDongCode, String lot, String address,
                                    PageParams paging) {
        return parse(pnu, legalDongCode, lot, address, null, paging);
    }

    /** @throws ProblemException validation-failed, with one field error per bad parameter */
    public static SearchQuery parse(String pnu, String legalDongCode, String lot, String address,
                                    String landCategory, PageParams paging) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int modes = (present(pnu) ? 1 : 0) + (present(legalDongCode) ? 1 : 0) + (present(address) ? 1 : 0);
        if (modes != 1) {
            errors.add(new Problem.FieldError("pnu",
                    "give exactly one of pnu, legalDongCode (with lot) or address "
                            + "(필지고유번호, 법정동코드(+지번), 주소 중 하나로 검색합니다)"));
        }
        if (present(lot) && !present(legalDongCode)) {
            errors.add(new Problem.FieldError("lot", "goes with legalDongCode (지번은 법정동코드와 함께 씁니다)"));
        }
        Pnu p = null;
        LotNumber l = null;
        LotAddress a = null;
        String dong = null;
        try {
            if (present(pnu)) {
                p = Pnu.parse(pnu);
            }
        } catch (InvalidPnuException e) {
            errors.add(new Problem.FieldError("pnu", e.getMessage()));
        }
        if (present(legalDongCode)) {
            dong = legalDongCode.strip();
            if (!dong.matches("^[0-9]{10}$")) {
                errors.add(new Problem.FieldError("legalDongCode", "must be 10 digits (법정동코드는 숫자 10자리입니다)"));
            }
        }
        try {
            if (present(lot)) {
                l = LotNumber.parse(lot);
            }
        } catch (InvalidPnuException e) {
            errors.add(new Problem.FieldError("lot", e.getMessage()));
        }
        try {
            if (present(address)) {
                a = LotAddress.parse(address);
            }
        } catch (InvalidPnuException e) {
            errors.add(new Problem.FieldError("address", e.getMessage()));
        }
        String category = null;
        if (present(landCategory)) {
            category = landCategory.strip();
            // The 28 official categories (V1 land_category): 01 전 .. 28 잡종지.
            if (!category.matches("^(0[1-9]|1[0-9]|2[0-8])$")) {
                errors.add(new Problem.FieldError("landCategory",
                        "must be a land category code from 01 to 28 (지목 코드는 01~28입니다)"));
            }
        }
        PageRequest page = paging.read(errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new SearchQuery(p, dong, l, a, category, page.page(), page.size());
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
