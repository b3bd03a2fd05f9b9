package kr.civilportal.common.paging;

import java.util.List;
import kr.civilportal.common.problem.Problem;

/**
 * One page of a list: 0-based {@code page} and {@code size} from 1 to {@link #MAX_SIZE}. Read from the query as
 * text ({@link PageParams}) so that {@code size=abc} is a 400 naming the field, like any other invalid field of the
 * same request, rather than a bare 404.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page " + page + ", size " + size);
        }
    }

    /** The first page of the default size. */
    public static PageRequest first() {
        return new PageRequest(0, DEFAULT_SIZE);
    }

    /** The row offset of the page's first item. */
    public int offset() {
        return page * size;
    }

    /**
     * The page the two parameters ask for (their defaults when absent), or null after adding a field error for
     * each bad one to {@code errors}, so that the caller answers every invalid field of the request at once.
     */
    public static PageRequest parse(String page, String size, List<Problem.FieldError> errors) {
        Integer p = integer(page, 0);
        Integer s = integer(size, DEFAULT_SIZE);
        boolean valid = true;
        if (p == null || p < 0) {
            errors.add(new Problem.FieldError(PageParams.PAGE, "must be a whole number from 0 (0부터 시작하는 쪽 번호)"));
            valid = false;
        }
        if (s == null || s < 1 || s > MAX_SIZE) {
            errors.add(new Problem.FieldError(PageParams.SIZE, "must be a whole number from 1 to " + MAX_SIZE
                    + " (한 쪽에 1~" + MAX_SIZE + "건)"));
            valid = false;
        }
        // The offset must fit the database's row offset; a page beyond it cannot hold anything anyway.
        if (valid && (long) p * s > Integer.MAX_VALUE) {
            errors.add(new Problem.FieldError(PageParams.PAGE, "is too large (쪽 번호가 너무 큽니다)"));
            valid = false;
        }
        return valid ? new PageRequest(p, s) : null;
    }

    /** The parameter as a number, its default when absent, null when it is not a number. */
    private static Integer integer(String text, int absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
