package kr.civilportal.web.api;

/** The service answered with a 4xx problem: bad input, not allowed, not found, a conflict. Nothing was done. */
public class ServiceRefusedException extends RuntimeException {

    private final int status;
    private final transient ApiProblem problem;

    public ServiceRefusedException(int status, ApiProblem problem) {
        super("The API answered " + status + " " + problem.type(), null, false, false);
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public ApiProblem problem() {
        return problem;
    }
}
