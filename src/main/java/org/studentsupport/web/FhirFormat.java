package org.studentsupport.web;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.studentsupport.domain.InvalidInputException;
import org.studentsupport.domain.Violation;

import java.util.List;

/**
 * FHIR R4 JSON in and out, through HAPI FHIR's parser: one {@link FhirContext} for the application
 * (building it is costly; it is thread-safe), a parser per call (parsers are not).
 */
@ApplicationScoped
public class FhirFormat {

    public static final String MEDIA_TYPE = "application/fhir+json";

    private final FhirContext context = FhirContext.forR4();

    public String json(IBaseResource resource) {
        return parser().encodeResourceToString(resource);
    }

    /**
     * Reads a resource of the given type; anything unreadable, or of another type, is a 400.
     */
    public <T extends IBaseResource> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException(List.of(Violation.atPointer("", "a FHIR " + type.getSimpleName() + " is required")));
        }
        try {
            return parser().parseResource(type, body);
        } catch (DataFormatException | ClassCastException e) {
            throw new InvalidInputException(List.of(Violation.atPointer("", "is not a FHIR R4 " + type.getSimpleName()
                    + " in JSON: " + firstLine(e.getMessage()))));
        }
    }

    public FhirContext context() {
        return context;
    }

    private IParser parser() {
        IParser parser = context.newJsonParser();
        parser.setStripVersionsFromReferences(false);
        return parser;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
