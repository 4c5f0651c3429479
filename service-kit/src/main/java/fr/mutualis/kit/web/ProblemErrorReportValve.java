package fr.mutualis.kit.web;

import fr.mutualis.contracts.HttpContract;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's last word, as problem+json instead of its HTML page: what Tomcat refuses before any servlet runs (more
 * than 100 headers, {@code []} in a query, an unknown {@code Expect}...) never reaches {@link ProblemErrorController}.
 * Installed in place of Tomcat's {@link ErrorReportValve} (see the kit's auto-configuration). Its text is fixed:
 * nothing of the refused request is echoed.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        String title = status == null ? "Error " + code : status.getReasonPhrase();
        String slug = status == null ? (code < 500 ? "invalid-request" : "internal") : Problems.slug(status);
        String detail = code < 500 ? "The request was refused by the server: " + title
                : "The request could not be completed; it has been logged";
        String body = "{\"type\":\"" + HttpContract.PROBLEM_TYPE_BASE + slug + "\",\"title\":\"" + title + "\",\"status\":" + code
                + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response already committed: nothing more can be said to this client.
        }
    }
}
