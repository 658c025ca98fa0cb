package dev.solosuccess.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketImpl;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Installed in a child JVM before anything else runs: every {@link Socket} the JVM creates from
 * then on, including the direct, proxy-less ones that DJL opens for its call home, records its
 * target and refuses to connect.
 */
final class NetworkGuard {

  private static final List<String> ATTEMPTS = new CopyOnWriteArrayList<>();

  private NetworkGuard() {}

  @SuppressWarnings("deprecation") // the one hook that sees direct connections too
  static void install() throws IOException {
    Socket.setSocketImplFactory(RefusingSocketImpl::new);
  }

  static List<String> attempts() {
    return List.copyOf(ATTEMPTS);
  }

  /** Prints the attempts in a line the parent test reads. */
  static void report() {
    System.out.println("CONNECTION ATTEMPTS: " + ATTEMPTS.size() + " " + ATTEMPTS);
  }

  private static final class RefusingSocketImpl extends SocketImpl {

    private static IOException refuse(String target) {
      ATTEMPTS.add(target);
      return new ConnectException("connection to " + target + " refused by the test's guard");
    }

    @Override
    protected void create(boolean stream) {}

    @Override
    protected void connect(String host, int port) throws IOException {
      throw refuse(host + ":" + port);
    }

    @Override
    protected void connect(InetAddress address, int port) throws IOException {
      throw refuse(address.getHostAddress() + ":" + port);
    }

    @Override
    protected void connect(SocketAddress address, int timeout) throws IOException {
      throw refuse(String.valueOf(address));
    }

    @Override
    protected void bind(InetAddress host, int port) {}

    @Override
    protected void listen(int backlog) throws IOException {
      throw new IOException("listening is not allowed by the test's guard");
    }

    @Override
    protected void accept(SocketImpl s) throws IOException {
      throw new IOException("accepting is not allowed by the test's guard");
    }

    @Override
    protected InputStream getInputStream() throws IOException {
      throw new IOException("not connected");
    }

    @Override
    protected OutputStream getOutputStream() throws IOException {
      throw new IOException("not connected");
    }

    @Override
    protected int available() {
      return 0;
    }

    @Override
    protected void close() {}

    @Override
    protected void sendUrgentData(int data) throws IOException {
      throw new IOException("not connected");
    }

    @Override
    public void setOption(int optID, Object value) {}

    @Override
    public Object getOption(int optID) {
      return null;
    }
  }
}
