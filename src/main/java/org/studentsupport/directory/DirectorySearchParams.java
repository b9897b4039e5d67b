package org.studentsupport.directory;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import org.studentsupport.directory.DirectorySearchCriteria.Sort;
import org.studentsupport.directory.DirectorySearchCriteria.Weekday;

import java.util.List;
import java.util.UUID;

/** The query parameters of a referral search; every filter is optional and they combine (AND). */
public class DirectorySearchParams {

    public static final int MAX_TEXT = 200;
    public static final int MAX_TERMS = 20;
    public static final int MAX_LANGUAGES = 10;
    public static final double MAX_RADIUS_KM = 200;

    @QueryParam("q")
    @Size(max = MAX_TEXT)
    @Parameter(description = "Words to look for in service names, descriptions and taxonomy terms (web search syntax: \"quoted phrase\", or, -not)")
    public String q;

    @QueryParam("term")
    @Size(max = MAX_TERMS)
    @Parameter(description = "Taxonomy terms (id or code) the service must carry, all of them")
    public List<@Size(max = 100) String> terms;

    @QueryParam("need")
    @Size(max = MAX_TERMS)
    @Parameter(description = "Need codes of the needs vocabulary; the service must meet at least one (carry a taxonomy term mapped to it, see /api/v1/need-mappings)")
    public List<@Size(max = 50) String> needs;

    @QueryParam("language")
    @Size(max = MAX_LANGUAGES)
    @Parameter(description = "Language codes (e.g. es, pt); the service must offer at least one")
    public List<@Pattern(regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*") @Size(max = 35) String> languages;

    @QueryParam("age")
    @Min(0)
    @Max(120)
    @Parameter(description = "Age in years that the service's eligibility must admit")
    public Integer age;

    @QueryParam("studentId")
    @Parameter(description = "A student you may see: their age today must fit the eligibility (instead of age)")
    public UUID studentId;

    @QueryParam("schoolId")
    @Parameter(description = "Measure distance from this school (instead of lat/lon)")
    public UUID schoolId;

    @QueryParam("lat")
    @DecimalMin("-90")
    @DecimalMax("90")
    @Parameter(description = "Latitude of the point to measure distance from")
    public Double lat;

    @QueryParam("lon")
    @DecimalMin("-180")
    @DecimalMax("180")
    @Parameter(description = "Longitude of the point to measure distance from")
    public Double lon;

    @QueryParam("radiusKm")
    @DefaultValue("10")
    @DecimalMin("0.1")
    @DecimalMax("200")
    @Parameter(description = "With a school or point: only services with a location within this many km (default 10)")
    public double radiusKm = 10;

    @QueryParam("free")
    @DefaultValue("false")
    @Parameter(description = "Only services with no cost option above zero")
    public boolean free;

    @QueryParam("openOn")
    @Parameter(description = "Only services with a schedule open on this weekday")
    public Weekday openOn;

    @QueryParam("accepting")
    @DefaultValue("false")
    @Parameter(description = "Only services that take referrals here and have capacity (accepting)")
    public boolean accepting;

    @QueryParam("sort")
    @Parameter(description = "relevance (default with q), distance (default with a point, nearest first), or name")
    public Sort sort;

    /** The search asked for, as the directory takes it. */
    public DirectorySearchCriteria toCriteria() {
        return new DirectorySearchCriteria(q, terms, needs, languages, age, studentId, schoolId, lat, lon, radiusKm, free, openOn,
                accepting, sort);
    }
}
