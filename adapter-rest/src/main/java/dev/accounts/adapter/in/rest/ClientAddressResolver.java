package dev.accounts.adapter.in.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Decides which address a request comes from, for throttling, the audit trail and logs. It is the socket peer,
 * unless the peer is a trusted proxy: then {@code X-Forwarded-For} is read from the right, past every trusted
 * proxy, to the first address no trusted proxy vouches for. Everything left of that was written by the client and
 * is ignored. When a hop that has to be read is not an address, the header cannot be relied on and the peer is
 * used. With no trusted proxies (the default) the header is never believed, so a client cannot choose its address.
 *
 * <p>Addresses read from the header come back in the form the JDK writes them ({@code 2001:db8:0:0:0:0:0:1}),
 * the form the servlet container gives the peer in, so one client has one spelling whichever way it came.
 */
public final class ClientAddressResolver {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<AddressRange> trustedProxies;

    /**
     * @param trustedProxies addresses and CIDR ranges, IPv4 or IPv6 ({@code "10.0.0.0/8"}, {@code "::1"}); blank
     *        entries are skipped, surrounding spaces ignored
     * @throws IllegalArgumentException naming the first entry that is not an address or a range (host names included:
     *         nothing is looked up)
     */
    public ClientAddressResolver(List<String> trustedProxies) {
        List<AddressRange> ranges = new ArrayList<>();
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                ranges.add(AddressRange.parse(entry.strip()));
            }
        }
        this.trustedProxies = List.copyOf(ranges);
    }

    public String resolve(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        Optional<InetAddress> peerAddress = IpLiteral.parse(peer);
        if (peerAddress.isEmpty()) {
            return peer;
        }
        // From the nearest proxy outwards, as long as a trusted proxy vouches for the hop before it.
        InetAddress client = peerAddress.get();
        List<String> hops = forwardedFor(request);
        for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
            Optional<InetAddress> hop = IpLiteral.parse(hops.get(i));
            if (hop.isEmpty()) {
                // A proxy we trust wrote something we cannot read: none of the header can be relied on.
                return peerAddress.get().getHostAddress();
            }
            client = hop.get();
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    /** Every hop, in order, across however many header lines the proxies wrote. */
    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        var headers = request.getHeaders(FORWARDED_FOR);
        for (String header : headers == null ? List.<String>of() : Collections.list(headers)) {
            for (String hop : header.split(",", -1)) {
                hops.add(hop.strip());
            }
        }
        return hops;
    }
}
