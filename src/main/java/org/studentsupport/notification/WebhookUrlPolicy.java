package org.studentsupport.notification;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which webhook URLs the service will call: https (plain http only where the demo allows it), no
 * credentials in the URL, and a host whose every address is public — never private, link-local (the
 * cloud metadata address among them), unique-local, shared (carrier-grade NAT), multicast or
 * unspecified, and loopback only where the demo or the tests allow it. Checked at registration (422) and
 * again before each delivery, since a name may come to resolve elsewhere.
 */
final class WebhookUrlPolicy {

    /** Resolves a host name to its addresses. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final Resolver DNS = InetAddress::getAllByName;

    private WebhookUrlPolicy() {
    }

    /** What is wrong with the URL; empty when the service may call it. */
    static List<String> problems(String url, boolean allowHttp, boolean allowLoopback, Resolver resolver) {
        List<String> problems = new ArrayList<>();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return List.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            problems.add(allowHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            problems.add("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            problems.add("must not have a fragment");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            problems.add("must name a host");
            return problems;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            problems.add("its host '" + host + "' cannot be resolved");
            return problems;
        }
        for (InetAddress address : addresses) {
            String refusal = refusal(address, allowLoopback);
            if (refusal != null) {
                problems.add("its host resolves to " + address.getHostAddress() + ", " + refusal);
            }
        }
        return problems;
    }

    /** Why the service will not call an address; null when it may. */
    static String refusal(InetAddress address, boolean allowLoopback) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? null : "a loopback address";
        }
        if (address.isAnyLocalAddress()) {
            return "an unspecified address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first == 100 && second >= 64 && second <= 127 || first >= 240
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 || first == 198 && (second == 18 || second == 19)) {
                return "a reserved or shared address";
            }
        } else if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "a unique-local (private) address";
            }
            if (isMappedV4(b)) {
                try {
                    return refusal(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}), allowLoopback);
                } catch (UnknownHostException e) {
                    return "an unreadable address";
                }
            }
        }
        return null;
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
