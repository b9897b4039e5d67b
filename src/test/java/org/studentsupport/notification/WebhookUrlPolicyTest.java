package org.studentsupport.notification;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which webhook URLs the service calls, without booting anything (names resolved by a fixed table). */
class WebhookUrlPolicyTest {

    static final WebhookUrlPolicy.Resolver TABLE = host -> switch (host) {
        case "hooks.provider.example" -> new InetAddress[]{InetAddress.getByName("203.0.113.10")};
        case "rebound.example" -> new InetAddress[]{InetAddress.getByName("203.0.113.11"), InetAddress.getByName("10.0.0.7")};
        case "localhost" -> new InetAddress[]{InetAddress.getByName("127.0.0.1")};
        default -> {
            if (host.matches("[0-9a-fA-F:.]+")) {
                yield new InetAddress[]{InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
    };

    static List<String> production(String url) {
        return WebhookUrlPolicy.problems(url, false, false, TABLE);
    }

    @Test
    void anHttpsUrlWithAPublicHostIsAccepted() {
        assertEquals(List.of(), production("https://hooks.provider.example/student-support"));
        assertEquals(List.of(), production("https://203.0.113.10:8443/hook?x=1"));
    }

    @Test
    void plainHttpIsRefusedOutsideTheDemo() {
        assertEquals(List.of("must be an https URL"), production("http://hooks.provider.example/hook"));
        assertEquals(List.of(), WebhookUrlPolicy.problems("http://hooks.provider.example/hook", true, false, TABLE));
    }

    @Test
    void privateLoopbackLinkLocalAndReservedAddressesAreRefused() {
        for (String url : List.of("https://10.0.0.1/", "https://172.16.5.4/", "https://192.168.0.1/", "https://127.0.0.1/",
                "https://localhost/", "https://169.254.169.254/", "https://0.0.0.0/", "https://100.64.1.1/", "https://[::1]/",
                "https://[fe80::1]/", "https://[fd12:3456::1]/", "https://[::ffff:192.168.1.1]/", "https://224.0.0.1/",
                "https://rebound.example/")) {
            List<String> problems = production(url);
            assertEquals(1, problems.size(), url + " " + problems);
            assertTrue(problems.get(0).startsWith("its host resolves to"), url + " " + problems);
        }
    }

    @Test
    void loopbackIsAllowedOnlyWhereTheSettingSaysSo() {
        assertEquals(List.of(), WebhookUrlPolicy.problems("http://127.0.0.1:9000/hook", true, true, TABLE));
        assertEquals(1, WebhookUrlPolicy.problems("http://10.0.0.1:9000/hook", true, true, TABLE).size(), "private stays refused");
    }

    @Test
    void credentialsUnknownHostsAndOtherSchemesAreRefused() {
        assertEquals(List.of("must not carry a user name or password"), production("https://me:pw@hooks.provider.example/"));
        assertEquals(List.of("its host 'nowhere.invalid' cannot be resolved"), production("https://nowhere.invalid/"));
        assertTrue(production("ftp://hooks.provider.example/").contains("must be an https URL"));
        assertEquals(List.of("is not a URL"), production("not a url with spaces"));
    }

    @Test
    void theSignatureIsHmacSha256OverTimestampAndBody() {
        // computed independently: printf '1700000000.{}' | openssl dgst -sha256 -hmac secret
        String signature = WebhookSignature.sign("secret", 1_700_000_000L, "{}");
        assertTrue(signature.matches("sha256=[0-9a-f]{64}"), signature);
        assertEquals(signature, WebhookSignature.sign("secret", 1_700_000_000L, "{}"));
        assertTrue(!signature.equals(WebhookSignature.sign("secret", 1_700_000_001L, "{}")), "the timestamp is signed");
        assertEquals("sha256=b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163", signature);
    }
}
