package io.tiempocheck.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds many SSE connections open from one thread (plain NIO, a few hundred bytes per connection),
 * so the client side of the benchmark is never what limits the number of streams. Counts the
 * streams answered 200 and greeted, and the keep-alive comments each one receives.
 */
final class StreamHolder implements AutoCloseable {

    private static final byte[] GREETING = "conectado".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEEP_ALIVE = "keep-alive".getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress server;
    private final String host;
    private final Selector selector;
    private final Queue<Connection> pending = new ConcurrentLinkedQueue<>();
    private final List<Connection> connections = new ArrayList<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final Thread loop;
    private volatile boolean running = true;
    final AtomicInteger greeted = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger closedByServer = new AtomicInteger();

    private static final class Connection {
        final ByteBuffer request;
        SocketChannel channel;
        int greetingMatched;
        int keepAliveMatched;
        volatile int keepAlives;
        boolean statusChecked;
        boolean greeted;

        Connection(ByteBuffer request) {
            this.request = request;
        }
    }

    StreamHolder(String host, int port) {
        try {
            this.server = new InetSocketAddress(host, port);
            this.host = host + ":" + port;
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loop = new Thread(this::run, "stream-holder");
        loop.setDaemon(true);
        loop.start();
    }

    /** Starts opening one stream with this bearer token. */
    void open(String path, String token) {
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer "
                + token + "\r\n\r\n";
        pending.add(new Connection(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII))));
        selector.wakeup();
    }

    /** Streams whose connection got at least {@code count} keep-alive comments. */
    int withKeepAlives(int count) {
        synchronized (connections) {
            return (int) connections.stream().filter(c -> c.keepAlives >= count).count();
        }
    }

    private void run() {
        while (running) {
            try {
                selector.select(100);
                for (Connection connection; (connection = pending.poll()) != null; ) {
                    SocketChannel channel = SocketChannel.open();
                    channel.configureBlocking(false);
                    channel.connect(server);
                    connection.channel = channel;
                    channel.register(selector, SelectionKey.OP_CONNECT, connection);
                    synchronized (connections) {
                        connections.add(connection);
                    }
                }
                var keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    handle(key, (Connection) key.attachment());
                }
            } catch (IOException e) {
                if (running) {
                    refused.incrementAndGet();
                }
            }
        }
    }

    private void handle(SelectionKey key, Connection connection) {
        try {
            if (key.isConnectable()) {
                connection.channel.finishConnect();
                key.interestOps(SelectionKey.OP_WRITE);
            } else if (key.isWritable()) {
                connection.channel.write(connection.request);
                if (!connection.request.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
            } else if (key.isReadable()) {
                readBuffer.clear();
                int read = connection.channel.read(readBuffer);
                if (read < 0) {
                    closedByServer.incrementAndGet();
                    key.cancel();
                    connection.channel.close();
                    return;
                }
                readBuffer.flip();
                scan(connection);
            }
        } catch (IOException e) {
            refused.incrementAndGet();
            key.cancel();
        }
    }

    private void scan(Connection connection) {
        if (!connection.statusChecked && readBuffer.remaining() >= 12) {
            connection.statusChecked = true;
            byte[] status = new byte[12];
            readBuffer.get(readBuffer.position(), status);
            if (!new String(status, StandardCharsets.US_ASCII).endsWith("200")) {
                refused.incrementAndGet();
            }
        }
        while (readBuffer.hasRemaining()) {
            byte b = readBuffer.get();
            connection.greetingMatched = b == GREETING[connection.greetingMatched] ? connection.greetingMatched + 1 : (b == GREETING[0] ? 1 : 0);
            if (connection.greetingMatched == GREETING.length) {
                connection.greetingMatched = 0;
                if (!connection.greeted) {
                    connection.greeted = true;
                    greeted.incrementAndGet();
                }
            }
            connection.keepAliveMatched = b == KEEP_ALIVE[connection.keepAliveMatched] ? connection.keepAliveMatched + 1 : (b == KEEP_ALIVE[0] ? 1 : 0);
            if (connection.keepAliveMatched == KEEP_ALIVE.length) {
                connection.keepAliveMatched = 0;
                connection.keepAlives++;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            loop.join(5_000);
            synchronized (connections) {
                for (Connection connection : connections) {
                    if (connection.channel != null) {
                        connection.channel.close();
                    }
                }
            }
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
