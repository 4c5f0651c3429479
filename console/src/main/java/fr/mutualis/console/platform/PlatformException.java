package fr.mutualis.console.platform;

/** The platform answered a read with a refusal the page cannot show in place (404, 403, 5xx). */
public class PlatformException extends RuntimeException {

    private final ApiProblem problem;

    public PlatformException(ApiProblem problem) {
        super("The platform answered " + problem.status() + " " + problem.code());
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }
}
