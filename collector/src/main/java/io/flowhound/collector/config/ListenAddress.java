package io.flowhound.collector.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A TCP address to listen on, written {@code host:port}, or {@code [v6-address]:port} for IPv6.
 *
 * @param host a host name, an IPv4 address or an IPv6 address (without brackets); {@code 0.0.0.0}
 *             or {@code ::} listen on every interface
 * @param port 0 to 65535; 0 lets the operating system choose a free port
 */
public record ListenAddress(String host, int port) {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,5}");
    /** Starts with a hex digit or a colon, so that the JDK parses it as a literal and never asks DNS. */
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]+)?");
    private static final Pattern IPV4_LIKE = Pattern.compile("[0-9.]+");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    /** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    public ListenAddress {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("host is missing");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range (expected 0 to 65535)");
        }
    }

    /**
     * Parses {@code host:port} or {@code [v6-address]:port}. Does no DNS lookup: host names are
     * checked for syntax only; {@link ConfigLoader#checkRuntime} resolves and binds them.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static ListenAddress parse(String text) {
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("expected [IPv6-address]:port, e.g. [::1]:50051");
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
            if (!isIpv6Literal(host)) {
                throw new IllegalArgumentException("\"" + host + "\" is not an IPv6 address");
            }
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("expected host:port, e.g. 127.0.0.1:50051");
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
            if (host.isEmpty()) {
                throw new IllegalArgumentException("host is missing (use 0.0.0.0 to listen on every interface)");
            }
            if (host.indexOf(':') >= 0) {
                throw new IllegalArgumentException("an IPv6 address needs brackets, e.g. [::1]:50051");
            }
            boolean valid = IPV4_LIKE.matcher(host).matches()
                    ? IPV4.matcher(host).matches()
                    : HOST_NAME.matcher(host).matches();
            if (!valid) {
                throw new IllegalArgumentException("\"" + host + "\" is not a host name or an IPv4 address");
            }
        }
        if (!DIGITS.matcher(port).matches() || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("port \"" + port + "\" is not a number from 0 to 65535");
        }
        return new ListenAddress(host, Integer.parseInt(port));
    }

    private static boolean isIpv6Literal(String host) {
        if (host.indexOf(':') < 0 || !IPV6_CHARS.matcher(host).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(host) instanceof Inet6Address;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Resolves the host; the result {@link InetSocketAddress#isUnresolved() is unresolved} when the name is unknown. */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    /** The address as written in the config file: {@code host:port} or {@code [v6-address]:port}. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
