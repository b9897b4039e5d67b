package org.studentsupport.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Every answer any test receives from an operation of the contract must have a status the contract
 * documents for that operation: a 201 documented as 200 (or a 409 not documented at all) fails the
 * test that saw it. Registered as a REST Assured filter before every test of the application
 * ({@code META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback}: the callback
 * runs in the test application's class loader, where the tests' REST Assured lives).
 */
public final class ContractStatusCheck implements Filter, QuarkusTestBeforeEachCallback {

    private record Operation(String method, String template, Pattern path, Set<String> statuses) {
    }

    private static final List<Operation> CONTRACT = load();

    private final List<Operation> operations;

    public ContractStatusCheck() {
        this(CONTRACT);
    }

    private ContractStatusCheck(List<Operation> operations) {
        this.operations = operations;
    }

    /** A check against a one-operation contract (to test the check itself). */
    static ContractStatusCheck documenting(String method, String template, String... statuses) {
        return new ContractStatusCheck(List.of(operation(method, template, Set.of(statuses))));
    }

    /** An operation of the contract: its path template matches a path with any value in each parameter. */
    private static Operation operation(String method, String template, Set<String> statuses) {
        String regex = "^" + Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q") + "/?$";
        return new Operation(method, template, Pattern.compile(regex), statuses);
    }

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        register();
    }

    private static void register() {
        if (CONTRACT.isEmpty() || RestAssured.filters().stream().anyMatch(ContractStatusCheck.class::isInstance)) {
            return;
        }
        RestAssured.filters(new ContractStatusCheck());
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Response answer = context.next(request, response);
        String method = request.getMethod().toLowerCase(Locale.ROOT);
        String path = URI.create(request.getURI()).getRawPath();
        for (Operation operation : operations) {
            if (operation.method().equals(method) && operation.path().matcher(path).matches()) {
                String status = Integer.toString(answer.statusCode());
                if (!operation.statuses().contains(status) && !operation.statuses().contains("default")) {
                    throw new AssertionError("The contract documents " + operation.statuses() + " for "
                            + method.toUpperCase(Locale.ROOT) + " " + operation.template() + ", but " + path
                            + " answered " + status + ": " + abbreviated(answer.asString()));
                }
                break;
            }
        }
        return answer;
    }

    private static String abbreviated(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** The operations of the committed contract, those with fewer path parameters first (a literal segment wins over a parameter). */
    private static List<Operation> load() {
        Path contract = Path.of("openapi/openapi.yaml");
        if (!Files.exists(contract)) {
            return List.of();
        }
        try {
            JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(contract.toFile()).path("paths");
            List<Operation> operations = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = entry.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (!op.getValue().has("responses")) {
                        continue;
                    }
                    Set<String> statuses = new TreeSet<>();
                    op.getValue().path("responses").fieldNames().forEachRemaining(statuses::add);
                    operations.add(operation(op.getKey(), entry.getKey(), statuses));
                }
            }
            operations.sort(java.util.Comparator.comparingLong(o -> o.template().chars().filter(c -> c == '{').count()));
            return operations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
