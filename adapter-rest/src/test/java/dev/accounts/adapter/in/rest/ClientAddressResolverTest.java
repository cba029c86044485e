package dev.accounts.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressResolverTest {

    private static final List<String> PROXIES = List.of("10.0.0.0/8", " 192.168.1.7 ", "2001:db8:ff::/48", "::1", "");

    static Stream<Arguments> resolutions() {
        return Stream.of(
                // trusted proxies, socket peer, X-Forwarded-For lines, client address
                Arguments.of("no trusted proxies: the header is ignored", List.of(), "203.0.113.9",
                        List.of("198.51.100.1"), "203.0.113.9"),
                Arguments.of("no trusted proxies: even from a private peer", List.of(), "10.1.1.1",
                        List.of("198.51.100.1"), "10.1.1.1"),
                Arguments.of("an untrusted peer: its header is ignored", PROXIES, "203.0.113.9",
                        List.of("198.51.100.1"), "203.0.113.9"),
                Arguments.of("a trusted peer without a header", PROXIES, "10.1.1.1",
                        List.of(), "10.1.1.1"),
                Arguments.of("a trusted peer: the hop it saw", PROXIES, "10.1.1.1",
                        List.of("198.51.100.1"), "198.51.100.1"),
                Arguments.of("the rightmost untrusted hop, whatever the client put left of it", PROXIES, "10.1.1.1",
                        List.of("1.2.3.4, 198.51.100.1, 192.168.1.7, 10.9.9.9"), "198.51.100.1"),
                Arguments.of("hops across several header lines, in order", PROXIES, "10.1.1.1",
                        List.of("1.2.3.4, 198.51.100.1", "192.168.1.7"), "198.51.100.1"),
                Arguments.of("every hop trusted: the leftmost", PROXIES, "10.1.1.1",
                        List.of("10.2.2.2, 192.168.1.7"), "10.2.2.2"),
                Arguments.of("garbage the client wrote left of the answer does not matter", PROXIES, "10.1.1.1",
                        List.of("not-an-address, 198.51.100.1"), "198.51.100.1"),
                Arguments.of("a hop that is not an address: the peer", PROXIES, "10.1.1.1",
                        List.of("198.51.100.1, garbage"), "10.1.1.1"),
                Arguments.of("an empty hop: the peer", PROXIES, "10.1.1.1",
                        List.of("198.51.100.1,,"), "10.1.1.1"),
                Arguments.of("a host name is not an address: the peer, and no lookup", PROXIES, "10.1.1.1",
                        List.of("localhost"), "10.1.1.1"),
                Arguments.of("an address with a port: the peer", PROXIES, "10.1.1.1",
                        List.of("198.51.100.1:4711"), "10.1.1.1"),
                Arguments.of("a forged line break: the peer", PROXIES, "10.1.1.1",
                        List.of("198.51.100.1\r\nINFO forged"), "10.1.1.1"),
                Arguments.of("an octet with a leading zero (octal to some): the peer", PROXIES, "10.1.1.1",
                        List.of("010.1.2.3"), "10.1.1.1"),
                Arguments.of("IPv6: a trusted peer and an IPv6 client, in the JDK's spelling", PROXIES, "::1",
                        List.of("2001:DB8:1::7"), "2001:db8:1:0:0:0:0:7"),
                Arguments.of("IPv6: a trusted range is skipped", PROXIES, "0:0:0:0:0:0:0:1",
                        List.of("2001:db8:1::7, 2001:db8:ff:1::2"), "2001:db8:1:0:0:0:0:7"),
                Arguments.of("IPv6: a zone id is not accepted", PROXIES, "::1",
                        List.of("fe80::1%eth0"), "0:0:0:0:0:0:0:1"),
                Arguments.of("IPv4 mapped into IPv6 counts as IPv4, trusted ranges included", PROXIES, "::ffff:10.1.1.1",
                        List.of("::ffff:198.51.100.1"), "198.51.100.1"),
                Arguments.of("an untrusted IPv6 peer", PROXIES, "2001:db8:1::9",
                        List.of("198.51.100.1"), "2001:db8:1:0:0:0:0:9"),
                Arguments.of("a peer that is not an address is passed on as it came", PROXIES, "10.0.0.1\r\nINFO forged",
                        List.of("198.51.100.1"), "10.0.0.1\r\nINFO forged"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resolutions")
    void resolvesTheClientAddress(String situation, List<String> trustedProxies, String peer, List<String> forwardedFor,
                                  String expected) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        forwardedFor.forEach(line -> request.addHeader("X-Forwarded-For", line));

        assertThat(new ClientAddressResolver(trustedProxies).resolve(request)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "proxy.internal", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "::1/129",
            "10.0.0.1/8", "010.0.0.1", "*", "10.0.0.0/8/8", "fe80::1%eth0", "[::1]"})
    void refusesAnEntryThatIsNotAnAddressOrARangeNamingIt(String entry) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ClientAddressResolver(List.of("10.0.0.0/8", entry)))
                .withMessageContaining("'" + entry + "'");
    }

    @Test
    void acceptsTheWholeAddressSpaceAsARange() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.9");
        request.addHeader("X-Forwarded-For", "198.51.100.1, 192.0.2.1");

        assertThat(new ClientAddressResolver(List.of("0.0.0.0/0")).resolve(request)).isEqualTo("198.51.100.1");
    }

    @Test
    void matchesARangeBitByBitInsideAByte() {
        ClientAddressResolver resolver = new ClientAddressResolver(List.of("172.16.0.0/12"));

        assertThat(resolver.resolve(from("172.31.255.255", "198.51.100.1"))).as("inside").isEqualTo("198.51.100.1");
        assertThat(resolver.resolve(from("172.32.0.1", "198.51.100.1"))).as("just outside").isEqualTo("172.32.0.1");
    }

    private static MockHttpServletRequest from(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        request.addHeader("X-Forwarded-For", forwardedFor);
        return request;
    }
}
