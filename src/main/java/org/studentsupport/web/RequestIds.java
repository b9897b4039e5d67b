package org.studentsupport.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is well formed, a new one
 * otherwise. The id is echoed in the response, put in the logging context (so it is on every log
 * line of the request) and carried by every problem document as its correlation id.
 *
 * <p>Also answers requests that match no route with a problem document instead of the server's
 * default page.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    static final String CONTEXT_KEY = "studentsupport.requestId";
    // Accepted ids are short and log-safe; anything else (including CR/LF) is replaced.
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Problems problems;

    public RequestIds(Problems problems) {
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::assign);
        router.route().order(Integer.MAX_VALUE).handler(this::notFound);
    }

    private void assign(RoutingContext ctx) {
        String offered = ctx.request().getHeader(HEADER);
        String id = offered != null && WELL_FORMED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        ctx.put(CONTEXT_KEY, id);
        MDC.put(MDC_KEY, id);
        ctx.response().putHeader(HEADER, id);
        ctx.next();
    }

    private void notFound(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        MDC.put(MDC_KEY, ctx.get(CONTEXT_KEY));
        ctx.response().setStatusCode(404).putHeader("Content-Type", Problems.MEDIA_TYPE)
                .end(problems.body(ProblemKind.NOT_FOUND, "No resource at " + ctx.normalizedPath(),
                        ctx.normalizedPath(), List.of(), Map.of()));
    }
}
