package org.studentsupport.directory;

import java.util.List;
import java.util.UUID;

/**
 * What a referral search asks for, as the search takes it; every filter is optional (null, empty or
 * false) and they combine (AND). The query parameters, their limits and descriptions are in
 * {@code DirectorySearchParams}.
 */
public record DirectorySearchCriteria(String q, List<String> terms, List<String> needs, List<String> languages, Integer age, UUID studentId,
                                      UUID schoolId, Double lat, Double lon, double radiusKm, boolean free, Weekday openOn,
                                      boolean accepting, Sort sort) {

    public enum Weekday { MO, TU, WE, TH, FR, SA, SU }

    public enum Sort { relevance, distance, name }
}
