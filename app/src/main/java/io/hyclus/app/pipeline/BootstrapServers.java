package io.hyclus.app.pipeline;

import io.hyclus.app.AppException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kafka bootstrap list, {@code host:port[,host:port...]}: checked for form before anything starts, and probed
 * for a listener so that a cluster nobody runs fails in seconds rather than after the client's 30 s retries.
 */
public final class BootstrapServers {
    /** Longest wait for one server to accept a TCP connection. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private BootstrapServers() {
    }

    /**
     * The servers of a bootstrap list, unresolved.
     *
     * @throws IllegalArgumentException naming the entry that is not {@code host:port} with a port of 1-65535
     */
    public static List<InetSocketAddress> parse(String servers) {
        if (servers == null || servers.isBlank()) {
            throw new IllegalArgumentException("bootstrap servers must be host:port[,host:port...]: '" + servers + "'");
        }
        List<InetSocketAddress> out = new ArrayList<>();
        for (String entry : servers.split(",", -1)) {
            String e = entry.strip();
            int colon = e.lastIndexOf(':');
            String host = colon > 0 ? e.substring(0, colon) : "";
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port = -1;
            try {
                port = colon > 0 ? Integer.parseInt(e.substring(colon + 1)) : -1;
            } catch (NumberFormatException ex) {
                // reported below
            }
            if (host.isBlank() || port < 1 || port > 65535) {
                throw new IllegalArgumentException("bootstrap servers must be host:port[,host:port...] with ports"
                        + " 1-65535: '" + e + "' in '" + servers + "'");
            }
            out.add(InetSocketAddress.createUnresolved(host, port));
        }
        return out;
    }

    /**
     * Returns once one of the servers accepts a TCP connection.
     *
     * @throws AppException naming the servers, that nothing answers, and why for each
     */
    static void probe(String servers) {
        List<String> why = new ArrayList<>();
        for (InetSocketAddress a : parse(servers)) {
            String name = a.getHostString() + ":" + a.getPort();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(a.getHostString(), a.getPort()), (int) CONNECT_TIMEOUT.toMillis());
                return;
            } catch (UnknownHostException e) {
                why.add(name + ": unknown host");
            } catch (SocketTimeoutException e) {
                why.add(name + ": no answer within " + CONNECT_TIMEOUT.toSeconds() + " s");
            } catch (ConnectException e) {
                why.add(name + ": " + (e.getMessage() != null ? e.getMessage().toLowerCase(java.util.Locale.ROOT)
                        : "connection refused"));
            } catch (IOException e) {
                why.add(name + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
            }
        }
        throw new AppException("no Kafka broker answers at " + servers + " (" + String.join("; ", why)
                + "); start the cluster (demo, campaign and segment run an embedded broker when --bootstrap-servers is left out)");
    }
}
