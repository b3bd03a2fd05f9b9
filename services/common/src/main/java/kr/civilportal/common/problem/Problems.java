package kr.civilportal.common.problem;

/** Problems for plain HTTP statuses, used where no domain rule gives a more precise one. */
public final class Problems {

    private Problems() {
    }

    public static Problem forStatus(int status) {
        return switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST.problem("The request is malformed.", "요청 형식이 올바르지 않습니다.");
            case 401 -> ProblemType.UNAUTHENTICATED.problem("A valid bearer token is required.", "로그인이 필요합니다.");
            case 403 -> ProblemType.FORBIDDEN.problem("Your role does not allow this.", "이 작업을 할 권한이 없습니다.");
            case 404 -> ProblemType.NOT_FOUND.problem("No such resource.", "요청한 자료를 찾을 수 없습니다.");
            case 405 -> ProblemType.METHOD_NOT_ALLOWED.problem("This method is not allowed here.", "허용되지 않는 요청 방식입니다.");
            case 406 -> ProblemType.NOT_ACCEPTABLE.problem("This resource cannot answer in a media type the Accept header allows.",
                    "요청한 형식(Accept)으로는 응답할 수 없습니다.");
            case 408 -> ProblemType.REQUEST_TIMEOUT.problem("The request body did not arrive in time.", "요청 본문이 제시간에 도착하지 않았습니다.");
            case 409 -> ProblemType.CONFLICT.problem("The request conflicts with the current state.", "현재 상태에서는 처리할 수 없습니다.");
            case 413 -> ProblemType.CONTENT_TOO_LARGE.problem("The request body is too large.", "요청 본문이 너무 큽니다.");
            case 414 -> ProblemType.URI_TOO_LONG.problem("The request's address (URI) is too long.",
                    "요청 주소(URI)가 너무 깁니다.");
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE.problem("This content type is not accepted here.", "지원하지 않는 형식입니다.");
            case 429 -> ProblemType.TOO_MANY_REQUESTS.problem("Too many requests; please wait and try again.", "요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.");
            case 431 -> ProblemType.HEADER_FIELDS_TOO_LARGE.problem("The request headers are too large.", "요청 헤더가 너무 큽니다.");
            case 503 -> ProblemType.SERVICE_UNAVAILABLE.problem("The service is temporarily unavailable.", "서비스를 일시적으로 이용할 수 없습니다.");
            default -> status >= 500
                    ? ProblemType.INTERNAL.problem("The request could not be completed.", "요청을 처리하지 못했습니다.")
                    : new ProblemType("http-" + status, "HTTP " + status, status).problem("The request was refused.", "요청이 거절되었습니다.");
        };
    }
}
