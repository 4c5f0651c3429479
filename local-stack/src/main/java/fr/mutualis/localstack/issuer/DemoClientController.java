package fr.mutualis.localstack.issuer;

import fr.mutualis.contracts.HttpContract;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Registers extra clients at run time, for trials and tests (API.md, "Identity"). Only the embedded issuer of the
 * local stack has this endpoint. It is unauthenticated, so registration answers callers on this machine only
 * (loopback): anyone who can reach the issuer's port from elsewhere could otherwise mint a client with any tenants
 * and roles. The issuer says so when it starts.
 */
@RestController
@RequestMapping("/demo/clients")
class DemoClientController {

    private static final Logger log = LoggerFactory.getLogger(DemoClientController.class);

    private final ClientDirectory clients;

    DemoClientController(ClientDirectory clients) {
        this.clients = clients;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        log.info("POST /demo/clients registers clients for callers on this machine (loopback) only");
    }

    @PostMapping
    ResponseEntity<?> register(@RequestBody(required = false) NewClientRequest request, HttpServletRequest http) {
        if (!isLoopback(http.getRemoteAddr())) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                            "Clients are registered from the issuer's own machine only"));
        }
        List<NewClientValidator.FieldProblem> problems = NewClientValidator.validate(request);
        if (!problems.isEmpty()) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    problems.stream().map(p -> (p.field().isEmpty() ? "" : p.field() + ": ") + p.message())
                            .collect(Collectors.joining("; ")));
            problem.setProperty("errors", problems);
            return ResponseEntity.badRequest().body(problem);
        }
        ClientProfile profile = new ClientProfile(request.clientId(), request.name(),
                request.tenants(), request.roles(), request.email());
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

    // The connection's address is an IP literal: getByName looks nothing up for it.
    static boolean isLoopback(String remoteAddress) {
        try {
            return remoteAddress != null && !remoteAddress.isBlank() && InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(HttpContract.problemType(slug));
        problem.setTitle(title);
        return problem;
    }
}
