package dev.migrate.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of PostgreSQL that counts each tool's round trips the same way, whatever it sends them with
 * (its own statements or the driver's metadata queries): every simple query ({@code 'Q'}) and every {@code Sync}
 * ({@code 'S'}, which ends an extended-protocol exchange) is one. The startup and TLS/GSS negotiation are not counted.
 */
final class RoundTripCounter implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;

    private static final int GSS_REQUEST = 80877104;

    private final ServerSocket server;

    private final String upstreamHost;

    private final int upstreamPort;

    private final AtomicInteger roundTrips = new AtomicInteger();

    private RoundTripCounter(String jdbcUrl) throws IOException {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        this.upstreamHost = uri.getHost();
        this.upstreamPort = uri.getPort() < 0 ? 5432 : uri.getPort();
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "round-trip-counter");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a relay to the server of {@code jdbcUrl}. */
    static RoundTripCounter start(String jdbcUrl) throws IOException {
        return new RoundTripCounter(jdbcUrl);
    }

    /** {@code jdbcUrl} pointed at the relay instead of the server. */
    String relayed(String jdbcUrl) {
        return jdbcUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + server.getLocalPort() + "/");
    }

    int roundTrips() {
        return roundTrips.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(upstreamHost, upstreamPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                daemon(() -> countAndForward(client, upstream));
                daemon(() -> copy(upstream, client));
            }
            catch (IOException ex) {
                return;
            }
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "round-trip-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private void countAndForward(Socket client, Socket upstream) {
        try (DataInputStream in = new DataInputStream(client.getInputStream());
                DataOutputStream out = new DataOutputStream(upstream.getOutputStream())) {
            // Untyped messages first: TLS/GSS requests (answered with one byte), then the startup message.
            while (true) {
                int length = in.readInt();
                int code = in.readInt();
                byte[] rest = in.readNBytes(length - 8);
                out.writeInt(length);
                out.writeInt(code);
                out.write(rest);
                out.flush();
                if (code != SSL_REQUEST && code != GSS_REQUEST) {
                    break;
                }
            }
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                int length = in.readInt();
                byte[] body = in.readNBytes(length - 4);
                if (type == 'Q' || type == 'S') {
                    roundTrips.incrementAndGet();
                }
                out.write(type);
                out.writeInt(length);
                out.write(body);
                out.flush();
            }
        }
        catch (IOException ex) {
            // The client or the server closed the connection.
        }
        finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private static void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        }
        catch (IOException ex) {
            // Closed.
        }
        finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ex) {
            // Nothing left to do.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
