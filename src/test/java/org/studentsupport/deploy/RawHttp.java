package org.studentsupport.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 spoken over a plain socket, for the requests a well-behaved client library will not send: a
 * body far larger than declared limits, a body that trickles in, headers that never end.
 */
final class RawHttp {

    /** What came back: status 0 when nothing did; the body bytes the client had sent by then. */
    record RawAnswer(int status, Map<String, String> headers, String body, long millis, long bodyBytesSent) {

        boolean isProblem(int expected) {
            return status == expected && headers.getOrDefault("content-type", "").startsWith("application/problem+json");
        }

        String brief() {
            return status + " " + headers.getOrDefault("content-type", "-") + " after " + millis + " ms";
        }
    }

    /** Writes the body, or part of it, while the answer is awaited. */
    @FunctionalInterface
    interface BodyWriter {
        void write(OutputStream out, AtomicLong sent) throws IOException, InterruptedException;
    }

    private static final BodyWriter NO_BODY = (out, sent) -> { };

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** A request with its head as given and no body. */
    RawAnswer exchange(String head) throws IOException {
        return exchange(head, NO_BODY);
    }

    /** A request whose body the writer sends on its own thread while the answer is read here. */
    RawAnswer exchange(String head, BodyWriter body) throws IOException {
        long started = System.nanoTime();
        AtomicLong sent = new AtomicLong();
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    body.write(out, sent);
                    out.flush();
                } catch (IOException e) {
                    // The service closed the connection: what the refusals do.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "raw-body-writer");
            writer.setDaemon(true);
            writer.start();
            try {
                return read(socket.getInputStream(), started, sent);
            } finally {
                writer.interrupt();
            }
        }
    }

    /** A connection that sends the start of a request and then one header byte at a time, on demand. */
    final class SlowHeaders implements AutoCloseable {
        private final Socket socket = connect();
        private boolean open = true;

        SlowHeaders() throws IOException {
            socket.getOutputStream().write(("GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                    .getBytes(StandardCharsets.ISO_8859_1));
        }

        /** Sends one more byte; false once the service has closed the connection. */
        boolean trickle() {
            if (open) {
                try {
                    socket.getOutputStream().write('a');
                    socket.getOutputStream().flush();
                } catch (IOException e) {
                    open = false;
                }
            }
            return open;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static String head(String requestLine, Map<String, String> headers) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString();
    }

    /** Zero bytes in chunks of 64 KiB up to the total, as a plain body. */
    static BodyWriter zeros(long total) {
        return (out, sent) -> {
            byte[] chunk = new byte[64 * 1024];
            while (sent.get() < total && !Thread.currentThread().isInterrupted()) {
                int n = (int) Math.min(chunk.length, total - sent.get());
                out.write(chunk, 0, n);
                sent.addAndGet(n);
            }
        };
    }

    /** The same, in chunked transfer encoding, with the closing chunk. */
    static BodyWriter chunkedZeros(long total) {
        return (out, sent) -> {
            byte[] chunk = new byte[64 * 1024];
            while (sent.get() < total && !Thread.currentThread().isInterrupted()) {
                int n = (int) Math.min(chunk.length, total - sent.get());
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(chunk, 0, n);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                sent.addAndGet(n);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        };
    }

    /** One byte of the body at each interval. */
    static BodyWriter trickle(byte[] body, Duration interval) {
        return (out, sent) -> {
            for (byte b : body) {
                out.write(b);
                out.flush();
                sent.incrementAndGet();
                Thread.sleep(interval.toMillis());
            }
        };
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(60_000);
        return socket;
    }

    private static RawAnswer read(InputStream in, long started, AtomicLong sent) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return new RawAnswer(0, Map.of(), "", elapsedMillis(started), sent.get());
        }
        long sentAtAnswer = sent.get();
        Map<String, String> headers = new HashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        long millis = elapsedMillis(started);
        String length = headers.get("content-length");
        byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
        return new RawAnswer(Integer.parseInt(statusLine.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8),
                millis, sentAtAnswer);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static long elapsedMillis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
