package fr.mutualis.localstack.issuer;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Registers extra clients at run time, for trials and tests (API.md, "Identity"). Only the embedded issuer of the
 * local stack has this endpoint; it is deliberately unauthenticated.
 */
@RestController
@RequestMapping("/demo/clients")
class DemoClientController {

    private static final String PROBLEM_BASE = "https://mutualis.fr/problems/";

    private final ClientDirectory clients;

    DemoClientController(ClientDirectory clients) {
        this.clients = clients;
    }

    @PostMapping
    ResponseEntity<?> register(@RequestBody(required = false) NewClientRequest request) {
        List<NewClientValidator.FieldProblem> problems = NewClientValidator.validate(request);
        if (!problems.isEmpty()) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    problems.stream().map(p -> (p.field().isEmpty() ? "" : p.field() + ": ") + p.message())
                            .collect(Collectors.joining("; ")));
            problem.setProperty("errors", problems);
            return ResponseEntity.badRequest().body(problem);
        }
        ClientProfile profile = new ClientProfile(request.clientId(), request.name(),
                request.tenants(), request.roles());
        clients.register(profile, request.secret());
        return ResponseEntity.created(URI.create("/demo/clients/" + profile.clientId())).body(profile);
    }

    @GetMapping("/{clientId}")
    ResponseEntity<?> get(@PathVariable String clientId) {
        return clients.profile(clientId).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND,
                        "not-found", "Not found", "No client with id '" + clientId + "'")));
    }

    @ExceptionHandler(ClientAlreadyExistsException.class)
    ResponseEntity<ProblemDetail> conflict(ClientAlreadyExistsException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "client-exists", "Client already exists", e.getMessage()));
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEM_BASE + slug));
        problem.setTitle(title);
        return problem;
    }
}
