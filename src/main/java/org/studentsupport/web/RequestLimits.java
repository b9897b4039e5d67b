package org.studentsupport.web;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Limits every request before any of it is buffered: the length of the request line (414), the size
 * of the headers (431), the body per route (413, from {@code Content-Length} before a byte is read and
 * while the body streams in) and the time the body may take to arrive (408). Every refusal is a
 * problem document and closes the connection, so that the rest of an oversized body is never read.
 *
 * <p>Routes and their body limits:
 * <ul>
 *   <li>a whole-class review (save, amendments): sized from the largest legal request, 200 entries with
 *       every field at its maximum length;</li>
 *   <li>HSDS imports: their upload limit, buffered (the parser needs the whole document);</li>
 *   <li>roster imports: their upload limit, streamed to a temporary file, never held in memory;</li>
 *   <li>every other request: a small limit for a JSON command.</li>
 * </ul>
 * A body that is not streamed is read here, up to its limit, and handed to the resource already read.
 *
 * <p>The HTTP codec's own limits ({@code quarkus.http.limits.max-initial-line-length},
 * {@code max-header-size}) sit above these, so that this class answers first; only a request beyond
 * the codec's limits gets the codec's bare status line.
 */
@ApplicationScoped
public class RequestLimits {

    private static final Pattern CLASS_REVIEW = Pattern.compile("/api/v1/classes/[^/]+/reviews/[^/]+(/amendments)?/?");
    private static final String HSDS_IMPORTS = "/api/v1/directory/imports/";
    private static final String ROSTER_IMPORTS = "/api/v1/roster-imports";
    private static final String RULE_KEY = "studentsupport.bodyRule";
    private static final String REFUSED_KEY = "studentsupport.refused";
    // After a refusal, at most this much more of the body is read (and dropped) before the connection closes.
    private static final long LINGER_MILLIS = 3_000;
    private static final long LINGER_BYTES = 16L * 1024 * 1024;

    private final Problems problems;
    private final Vertx vertx;
    private final long commandBytes;
    private final long reviewBytes;
    private final long hsdsImportBytes;
    private final long rosterImportBytes;
    private final int maxUriLength;
    private final int maxHeaderBytes;
    private final long commandBodyMillis;
    private final long importBodyMillis;
    private final BodyHandler commandBodies;
    private final BodyHandler reviewBodies;
    private final BodyHandler hsdsBodies;

    public RequestLimits(Problems problems, Vertx vertx,
                         @ConfigProperty(name = "studentsupport.http.max-command-body-bytes") long commandBytes,
                         @ConfigProperty(name = "studentsupport.http.max-class-review-body-bytes") long reviewBytes,
                         @ConfigProperty(name = "studentsupport.http.max-directory-import-body-bytes") long hsdsImportBytes,
                         @ConfigProperty(name = "studentsupport.roster-import.max-upload-bytes") long rosterImportBytes,
                         @ConfigProperty(name = "studentsupport.http.max-uri-length") int maxUriLength,
                         @ConfigProperty(name = "studentsupport.http.max-header-bytes") int maxHeaderBytes,
                         @ConfigProperty(name = "studentsupport.http.command-body-timeout") Duration commandBodyTimeout,
                         @ConfigProperty(name = "studentsupport.http.import-body-timeout") Duration importBodyTimeout) {
        this.problems = problems;
        this.vertx = vertx;
        this.commandBytes = commandBytes;
        this.reviewBytes = reviewBytes;
        this.hsdsImportBytes = hsdsImportBytes;
        this.rosterImportBytes = rosterImportBytes;
        this.maxUriLength = maxUriLength;
        this.maxHeaderBytes = maxHeaderBytes;
        this.commandBodyMillis = commandBodyTimeout.toMillis();
        this.importBodyMillis = importBodyTimeout.toMillis();
        this.commandBodies = bodyHandler(commandBytes);
        this.reviewBodies = bodyHandler(reviewBytes);
        this.hsdsBodies = bodyHandler(hsdsImportBytes);
    }

    private static BodyHandler bodyHandler(long limit) {
        return BodyHandler.create(false).setBodyLimit(limit).setHandleFileUploads(false)
                .setMergeFormAttributes(false).setPreallocateBodyBuffer(false);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::limit);
        // The body handlers fail the request with 413 when a streamed body goes over the limit.
        router.route().order(Integer.MIN_VALUE).failureHandler(this::refusedWhileReading);
    }

    /** The body limit of a request's route, and whether its body is streamed rather than buffered. */
    record BodyRule(long maxBytes, boolean streamed, long timeoutMillis, BodyHandler reader) {
    }

    BodyRule ruleFor(HttpMethod method, String path) {
        if (path != null && path.startsWith(ROSTER_IMPORTS) && method == HttpMethod.POST) {
            return new BodyRule(rosterImportBytes, true, importBodyMillis, null);
        }
        if (path != null && path.startsWith(HSDS_IMPORTS) && method == HttpMethod.POST) {
            return new BodyRule(hsdsImportBytes, false, importBodyMillis, hsdsBodies);
        }
        if (path != null && (method == HttpMethod.PUT || method == HttpMethod.POST) && CLASS_REVIEW.matcher(path).matches()) {
            return new BodyRule(reviewBytes, false, commandBodyMillis, reviewBodies);
        }
        return new BodyRule(commandBytes, false, commandBodyMillis, commandBodies);
    }

    private void limit(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String uri = request.uri();
        if (uri != null && uri.length() > maxUriLength) {
            refuse(ctx, 414, ProblemKind.URI_TOO_LONG, "The request URI is longer than " + maxUriLength
                    + " characters; send long searches as a shorter query");
            return;
        }
        long headerBytes = headerBytes(request.headers());
        if (headerBytes > maxHeaderBytes) {
            refuse(ctx, 431, ProblemKind.HEADERS_TOO_LARGE, "The request headers add up to " + headerBytes
                    + " bytes; at most " + maxHeaderBytes + " are accepted");
            return;
        }
        if (!hasBody(request)) {
            ctx.next();
            return;
        }
        BodyRule rule = ruleFor(request.method(), ctx.normalizedPath());
        long declared = contentLength(request);
        if (declared > rule.maxBytes()) {
            refuse(ctx, 413, ProblemKind.PAYLOAD_TOO_LARGE, tooLarge(rule));
            return;
        }
        if (declared == -2) {
            refuse(ctx, 400, ProblemKind.MALFORMED_REQUEST, "The Content-Length header is not a number");
            return;
        }
        armBodyDeadline(ctx, rule);
        if (rule.streamed()) {
            ctx.next();
            return;
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            // The body is read here, so this is where the client is told to send it.
            ctx.response().writeContinue();
        }
        ctx.put(RULE_KEY, rule);
        rule.reader().handle(ctx);
    }


    private void refusedWhileReading(RoutingContext ctx) {
        if (ctx.get(REFUSED_KEY) != null) {
            // Answered already: the body reader failing as the refusal closes the connection (a 408 cuts off a
            // body still arriving) says nothing new, and would otherwise be logged as an error per request.
            return;
        }
        if (ctx.statusCode() == 413 && !ctx.response().ended()) {
            BodyRule rule = ctx.get(RULE_KEY);
            refuse(ctx, 413, ProblemKind.PAYLOAD_TOO_LARGE, rule == null ? "The request body is too large" : tooLarge(rule));
            return;
        }
        ctx.next();
    }

    private static String tooLarge(BodyRule rule) {
        return "The request body is larger than " + rule.maxBytes() + " bytes, the limit of this operation; nothing was done";
    }

    /** A body that has not arrived in full by the deadline (a client sending it byte by byte) is cut off. */
    private void armBodyDeadline(RoutingContext ctx, BodyRule rule) {
        HttpServerRequest request = ctx.request();
        long timer = vertx.setTimer(rule.timeoutMillis(), id -> {
            if (!request.isEnded() && !ctx.response().ended() && !ctx.response().closed()) {
                refuse(ctx, 408, ProblemKind.REQUEST_TIMEOUT, "The request body did not arrive within "
                        + rule.timeoutMillis() / 1000 + " s");
            }
        });
        ctx.addEndHandler(done -> vertx.cancelTimer(timer));
    }

    private void refuse(RoutingContext ctx, int status, ProblemKind kind, String detail) {
        MDC.put(RequestIds.MDC_KEY, ctx.get(RequestIds.CONTEXT_KEY));
        ctx.put(REFUSED_KEY, status);
        String body = problems.body(kind, detail, ctx.normalizedPath(), List.of(), Map.of());
        HttpServerRequest request = ctx.request();
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
        if (request.isEnded() || status == 408) {
            request.connection().close();
            return;
        }
        // Most clients read the answer only after they have sent the body: the rest of it is read and
        // thrown away (never kept) for a moment, so that they see the problem rather than a reset.
        long[] discarded = {0};
        long timer = vertx.setTimer(LINGER_MILLIS, id -> request.connection().close());
        request.handler(chunk -> {
            discarded[0] += chunk.length();
            if (discarded[0] > LINGER_BYTES) {
                vertx.cancelTimer(timer);
                request.connection().close();
            }
        });
        request.endHandler(done -> {
            vertx.cancelTimer(timer);
            request.connection().close();
        });
        request.exceptionHandler(failed -> vertx.cancelTimer(timer));
        request.resume();
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !"0".equals(length.trim());
        }
        return request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    /** The declared length; -1 when none is declared, -2 when it is not a number. */
    private static long contentLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            long value = Long.parseLong(length.trim());
            return value < 0 ? -2 : value;
        } catch (NumberFormatException e) {
            return -2;
        }
    }

    private static long headerBytes(MultiMap headers) {
        long total = 0;
        for (Map.Entry<String, String> header : headers) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }
}
