package org.studentsupport.app;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;
import org.studentsupport.referral.ReferralStatus;

import java.util.List;
import java.util.Locale;

/**
 * The web pages: server-rendered shells that hold no student data. Every figure and name on them
 * comes from the JSON API, called by the page's script with the signed-in user's own token, so the
 * API's roles and scope decide what each user sees. Public, like any sign-in page; left out of the
 * API contract.
 */
@Path("/app")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class AppPageResource {

    static final List<String> LANGUAGES = List.of("en", "es");
    static final String LANGUAGE_COOKIE = "app-lang";
    /** Every text key: the page hands them all to its script, in the page's language. */
    static final List<String> TEXTS = keys(AppMessages.class);
    /** The same for the words of the API's codes and problems. */
    static final List<String> CODE_TEXTS = keys(AppCodeMessages.class);

    private static List<String> keys(Class<?> bundle) {
        return java.util.Arrays.stream(bundle.getDeclaredMethods()).map(java.lang.reflect.Method::getName).sorted().toList();
    }

    private final Engine engine;
    private final AppSettings settings;
    private final String issuer;

    public AppPageResource(Engine engine, AppSettings settings,
                           @ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer) {
        this.engine = engine;
        this.settings = settings;
        this.issuer = issuer;
    }

    @GET
    public RestResponse<String> home(@QueryParam("lang") String lang, @CookieParam(LANGUAGE_COOKIE) String saved,
                                               @HeaderParam("Accept-Language") String accepted) {
        return page("home", lang, saved, accepted);
    }

    @GET
    @Path("/inbox")
    public RestResponse<String> inbox(@QueryParam("lang") String lang, @CookieParam(LANGUAGE_COOKIE) String saved,
                                                @HeaderParam("Accept-Language") String accepted) {
        return page("inbox", lang, saved, accepted);
    }

    @GET
    @Path("/reviews")
    public RestResponse<String> reviews(@QueryParam("lang") String lang, @CookieParam(LANGUAGE_COOKIE) String saved,
                                   @HeaderParam("Accept-Language") String accepted) {
        return page("reviews", lang, saved, accepted);
    }

    @GET
    @Path("/student")
    public RestResponse<String> student(@QueryParam("lang") String lang, @CookieParam(LANGUAGE_COOKIE) String saved,
                                   @HeaderParam("Accept-Language") String accepted) {
        return page("student", lang, saved, accepted);
    }

    @GET
    @Path("/oversight")
    public RestResponse<String> oversight(@QueryParam("lang") String lang, @CookieParam(LANGUAGE_COOKIE) String saved,
                                   @HeaderParam("Accept-Language") String accepted) {
        return page("oversight", lang, saved, accepted);
    }

    @GET
    @Path("/refer")
    public RestResponse<String> refer(@QueryParam("lang") String lang, @CookieParam(LANGUAGE_COOKIE) String saved,
                                   @HeaderParam("Accept-Language") String accepted) {
        return page("refer", lang, saved, accepted);
    }

    private RestResponse<String> page(String name, String lang, String saved, String accepted) {
        String language = language(lang, saved, accepted);
        TemplateInstance page = engine.getTemplate("app/" + name).instance()
                .data("page", name)
                .data("titleKey", name + "_title")
                .data("texts", TEXTS)
                .data("codeTexts", CODE_TEXTS)
                .data("lang", language)
                .data("issuer", settings.authServerUrl().orElse(issuer))
                .data("clientId", settings.clientId())
                .data("renewBefore", settings.renewBeforeSeconds())
                .data("statuses", STATUSES)
                .data("rejectionReasons", choices("reason_", ReferralStatus.REJECTION_REASONS))
                .data("outcomes", choices("outcome_", ReferralStatus.OUTCOMES))
                .setLocale(Locale.forLanguageTag(language));
        RestResponse.ResponseBuilder<String> response = RestResponse.ResponseBuilder.ok(page.render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "connect-src 'self' " + origin(settings.authServerUrl().orElse(issuer)) + "; frame-ancestors 'none'; form-action 'self'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
        if (lang != null && LANGUAGES.contains(lang)) {
            response.cookie(new NewCookie.Builder(LANGUAGE_COOKIE).value(lang).path("/app").maxAge(365 * 24 * 3600)
                    .sameSite(NewCookie.SameSite.LAX).build());
        }
        return response.build();
    }

    /** The language asked for now, else the one chosen before, else the browser's first known one, else English. */
    static String language(String asked, String saved, String accepted) {
        if (asked != null && LANGUAGES.contains(asked)) {
            return asked;
        }
        if (saved != null && LANGUAGES.contains(saved)) {
            return saved;
        }
        if (accepted != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(accepted)) {
                    String primary = range.getRange().split("-")[0];
                    if (LANGUAGES.contains(primary)) {
                        return primary;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return LANGUAGES.get(0);
            }
        }
        return LANGUAGES.get(0);
    }

    /** A value of a code list with the key of its text. */
    public record Choice(String value, String key) {
    }

    static final List<Choice> STATUSES = choices("status_",
            java.util.Arrays.stream(ReferralStatus.values()).map(ReferralStatus::code).toList());

    static List<Choice> choices(String prefix, List<String> codes) {
        return codes.stream().map(c -> new Choice(c, prefix + c.replace('-', '_'))).toList();
    }

    private static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
