package fr.mutualis.kit.web;

import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.InvalidInputException;
import fr.mutualis.kit.error.MissingTenantException;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.error.NotPermittedException;
import fr.mutualis.kit.error.PreconditionFailedException;
import fr.mutualis.kit.error.StateConflictException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every error leaves a service as RFC 9457 problem+json naming what is wrong; never a stack trace.
 * 400 invalid input, 403 role, 404 unknown or invisible, 409 state or version conflict, 422 business rule.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
        if (e.field() != null) {
            problem.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
        }
        return problem;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail aggregateNotFound(AggregateNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "Resource " + e.getAggregateIdentifier() + " not found");
    }

    @ExceptionHandler(StateConflictException.class)
    ProblemDetail stateConflict(StateConflictException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "state-conflict", "Forbidden in the current state",
                ProblemLanguage.of(e.key() == null ? null : "state." + e.key(), e.getMessage()));
        problem.setProperty("currentState", e.currentState());
        return problem;
    }

    @ExceptionHandler({ConflictingAggregateVersionException.class, ConcurrencyException.class})
    ProblemDetail staleVersion(RuntimeException e) {
        return Problems.of(HttpStatus.CONFLICT, "stale-version", "Stale version",
                ProblemLanguage.of("kit.stale-version", "The resource was changed by someone else; reload it and retry"));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail alreadyExists(AggregateStreamCreationException e) {
        return Problems.of(HttpStatus.CONFLICT, "already-exists", "Already exists",
                ProblemLanguage.of("kit.already-exists", "A resource with this identifier already exists"));
    }

    @ExceptionHandler(BusinessRuleViolationException.class)
    ProblemDetail businessRule(BusinessRuleViolationException e) {
        Map<String, Object> values = new HashMap<>(e.details());
        if (e.field() != null) {
            values.put("field", e.field());
        }
        String words = ProblemLanguage.of("rule." + e.rule(), values, e.getMessage());
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, e.rule(), "Business rule violated", words);
        e.details().forEach(problem::setProperty);
        if (e.field() != null) {
            problem.setProperty("errors", List.of(new FieldProblem(e.field(), words)));
        }
        return problem;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        String words = ProblemLanguage.of(e.key() == null ? null : "invalid." + e.key(), e.values(), e.getMessage());
        return invalid(words, List.of(new FieldProblem(e.field(), words)));
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ProblemDetail preconditionFailed(PreconditionFailedException e) {
        ProblemDetail problem = Problems.of(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed",
                e.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
        return problem;
    }

    @ExceptionHandler(MissingTenantException.class)
    ProblemDetail missingTenant(MissingTenantException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "missing-tenant", "No active tenant", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your roles do not allow this operation");
    }

    /** The domain's refusal of a caller who sees the data without managing it: the same answer as a role refusal. */
    @ExceptionHandler(NotPermittedException.class)
    ProblemDetail notPermitted(NotPermittedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your roles do not allow this operation");
    }

    /**
     * Spring Security's firewall checks a header's value when the application first reads it: a byte outside
     * printable ISO-8859-1 (0x80-0x9F, or the UTF-8 of a full-width digit read byte per char) in {@code If-Match}
     * then surfaced in a controller as a 500.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail requestRejected(RequestRejectedException e) {
        Matcher header = REJECTED_HEADER.matcher(String.valueOf(e.getMessage()));
        if (header.find()) {
            String field = header.group(1).strip();
            String message = field + " holds characters that are not allowed in this header";
            return invalid(message, List.of(new FieldProblem(field, message)));
        }
        return invalid("The request's URL or headers are not accepted", List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = ProblemLanguage.of("kit.not-a-valid", Map.of("value", String.valueOf(e.getValue()),
                "name", e.getName()), "'" + e.getValue() + "' is not a valid " + e.getName());
        return invalid(message, List.of(new FieldProblem(e.getName(), message)));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException e, WebRequest request) throws Exception {
        if (e.getCause() instanceof Exception cause && !(cause instanceof CommandExecutionException)) {
            return handle(cause, request);
        }
        return unexpected(e);
    }

    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<Object> eventStore(EventStoreException e) {
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal", "Internal error", "The request could not be completed; it has been logged"));
    }

    private ResponseEntity<Object> handle(Exception cause, WebRequest request) throws Exception {
        ProblemDetail body = switch (cause) {
            case NotFoundException e -> notFound(e);
            case NotPermittedException e -> notPermitted(e);
            case AggregateNotFoundException e -> aggregateNotFound(e);
            case StateConflictException e -> stateConflict(e);
            case BusinessRuleViolationException e -> businessRule(e);
            case InvalidInputException e -> invalidInput(e);
            case PreconditionFailedException e -> preconditionFailed(e);
            case ConcurrencyException e -> staleVersion(e);
            case AggregateStreamCreationException e -> alreadyExists(e);
            default -> null;
        };
        if (body == null) {
            return unexpected(cause);
        }
        return ResponseEntity.status(body.getStatus()).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        JacksonException cause = outermostJacksonCause(ex);
        if (cause == null) {
            return ResponseEntity.badRequest().body(invalid(ProblemLanguage.of("kit.body-unreadable",
                    "The request body is missing or unreadable"), List.of()));
        }
        ProblemDetail problem = switch (cause) {
            case InvalidFormatException e when e.getTargetType() != null && e.getTargetType().isEnum() -> {
                String field = path(e);
                String accepted = List.of(e.getTargetType().getEnumConstants()).stream().map(String::valueOf)
                        .collect(Collectors.joining(", "));
                String message = ProblemLanguage.of("kit.not-one-of", Map.of("value", String.valueOf(e.getValue()), "accepted", accepted),
                        "'" + e.getValue() + "' is not one of " + accepted);
                yield invalid(field + ": " + message, List.of(new FieldProblem(field, message)));
            }
            case MismatchedInputException e -> {
                String field = path(e);
                String expected = e.getTargetType() == null ? "another type" : e.getTargetType().getSimpleName();
                String message = ProblemLanguage.of("kit.wrong-type", Map.of("expected",
                        ProblemLanguage.of("kit.type." + expected, expected)), "wrong type, expected " + expected);
                yield invalid(field.isEmpty() ? ProblemLanguage.of("kit.wrong-shape", "Request body has the wrong shape")
                        : field + ": " + message, List.of(new FieldProblem(field, message)));
            }
            // A number out of range is refused by the parser, but Jackson records the field it was meant for
            case InputCoercionException e when !path(e).isEmpty() -> {
                String field = path(e);
                String message = ProblemLanguage.of("kit.out-of-range", "is a number out of range for this field");
                yield invalid(field + ": " + message, List.of(new FieldProblem(field, message)));
            }
            case StreamReadException e when duplicateKey(e) != null -> {
                String key = duplicateKey(e);
                String field = path(e).isEmpty() ? key : path(e) + "." + key;
                String message = ProblemLanguage.of("kit.duplicate-key",
                        "is given twice; each key appears once in a JSON object");
                yield invalid(field + ": " + message, List.of(new FieldProblem(field, message)));
            }
            // The parser's own words name its switches (JsonReadFeature...): a plain sentence and where it failed.
            case StreamReadException e -> {
                String message = ProblemLanguage.of("kit.not-json", Map.of("where", where(e)),
                        "is not valid JSON" + where(e));
                yield invalid(ProblemLanguage.of("kit.malformed-json", Map.of("where", where(e)),
                        "Malformed JSON" + where(e) + ": the request body is not valid JSON"),
                        List.of(new FieldProblem("body", message)));
            }
            default -> {
                String field = path(cause);
                String message = ProblemLanguage.of("kit.invalid-value", "invalid value");
                yield invalid(field + ": " + message, List.of(new FieldProblem(field, message)));
            }
        };
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), messageOf(error)))
                .toList();
        List<FieldProblem> global = ex.getBindingResult().getGlobalErrors().stream()
                .map(error -> new FieldProblem(error.getObjectName(), error.getDefaultMessage()))
                .toList();
        List<FieldProblem> all = java.util.stream.Stream.concat(errors.stream(), global.stream()).toList();
        ProblemLanguage.validationMessages();
        return ResponseEntity.badRequest().body(invalid(summary(all), all));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        // A body validated alongside constrained path or query parameters arrives here too: name its fields, not the
        // body parameter, as for a body validated alone.
        List<FieldProblem> all = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> error instanceof FieldError field
                                ? new FieldProblem(field.getField(), messageOf(field))
                                : new FieldProblem(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        ProblemLanguage.validationMessages();
        return ResponseEntity.badRequest().body(invalid(summary(all), all));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof org.springframework.web.ErrorResponse errorResponse) {
            body = errorResponse.getBody();
        }
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            CorrelationIdFilter.identify(problem);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static final Pattern REJECTED_HEADER = Pattern.compile("header(?: name)?: \"([A-Za-z0-9-]{1,64}) ?\"");
    private static final Pattern DUPLICATE_KEY = Pattern.compile("^Duplicate Object property \"(.{1,100})\"");

    private static String duplicateKey(StreamReadException e) {
        Matcher matcher = DUPLICATE_KEY.matcher(String.valueOf(e.getOriginalMessage()));
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String where(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? ""
                : ProblemLanguage.of("kit.where", Map.of("line", location.getLineNr(), "column", location.getColumnNr()),
                " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
    }

    /** The Jackson exception closest to the request: it carries the path to the offending field. */
    private static JacksonException outermostJacksonCause(Throwable error) {
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    private static ProblemDetail invalid(String detail, List<FieldProblem> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String summary(List<FieldProblem> errors) {
        return errors.stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; "));
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /** One offending field and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }
}
