package io.tiempocheck.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests exactly as given (method, headers, bytes), for the answers to what no client library would send. */
final class RawHttp {

    /** HTTP/1.1 as browsers speak it to a plain-http server: Java's client would otherwise upgrade to h2c. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private RawHttp() {
    }

    /** @param headers name, value, name, value... */
    static HttpResponse<byte[]> send(String method, String url, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A GET whose request line is written byte for byte: java.net.URI (and so HttpClient) refuses
     * the malformed escapes ({@code %zz}, a lone {@code %}) this is for.
     */
    static RawAnswer getVerbatim(int port, String pathAndQuery, String... headers) {
        return verbatim(port, "GET " + pathAndQuery, headers);
    }

    /**
     * Only the head of a request announcing a body of {@code length} bytes, none of which is sent:
     * the answer to a body refused on its Content-Length alone, read before any upload (HttpClient
     * with Expect: 100-continue waits forever for a server that answers early and closes).
     */
    static RawAnswer headOnly(int port, String method, String pathAndQuery, long length, String... headers) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Content-Length";
        all[headers.length + 1] = Long.toString(length);
        return verbatim(port, method + " " + pathAndQuery, all);
    }

    /** Writes the request line and headers as given and reads the one answer (the connection is closed after it). */
    private static RawAnswer verbatim(int port, String requestLine, String... headers) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            StringBuilder request = new StringBuilder(requestLine + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.flush();
            // The answer's head, then as many bytes as its Content-Length: a server that has not read
            // the announced body may keep the connection open after answering.
            InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
            while (!head.toString(java.nio.charset.StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            String text = head.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
            String contentType = header(text, "content-type").orElse("");
            int length = header(text, "content-length").map(Integer::parseInt).orElse(0);
            String body = new String(in.readNBytes(length), java.nio.charset.StandardCharsets.UTF_8);
            return new RawAnswer(Integer.parseInt(text.split(" ", 3)[1]), contentType, body);
        } catch (IOException e) {
            throw new UncheckedIOException(requestLine, e);
        }
    }

    private static java.util.Optional<String> header(String head, String name) {
        return head.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith(name + ":"))
                .map(l -> l.substring(name.length() + 1).strip()).findFirst();
    }

    record RawAnswer(int status, String contentType, String body) {
    }
}
