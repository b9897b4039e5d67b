package org.studentsupport.oversight;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.LocalDate;

/** The referrals a report covers (those requested in a date range) and how it groups them. */
public class ReportPeriod {

    @QueryParam("from")
    @Parameter(description = "First day of the range (requested on or after); default: 365 days ago")
    public LocalDate from;

    @QueryParam("to")
    @Parameter(description = "Last day of the range (requested on or before); default: today")
    public LocalDate to;

    @QueryParam("groupBy")
    @DefaultValue("school")
    @Size(max = 20)
    @Pattern(regexp = "school|coordinator|provider", message = "must be school, coordinator or provider")
    @Parameter(description = "school, coordinator (the referral's author) or provider (organization)")
    public String groupBy = "school";

    /** The range as the service takes it, with the defaults filled in. */
    ReportRange toRange() {
        LocalDate today = LocalDate.now();
        return new ReportRange(from == null ? today.minusDays(365) : from, to == null ? today : to, groupBy);
    }
}
