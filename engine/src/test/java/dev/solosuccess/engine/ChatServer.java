package dev.solosuccess.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP/1.1 server on loopback that speaks the Chat Completions wire format from a script of
 * replies (whole JSON, server-sent events, errors, a hang, an oversize body), and records every
 * request it receives: method, path, headers, body and arrival time. One connection per request
 * ({@code Connection: close}). Thread-safe.
 */
final class ChatServer implements AutoCloseable {

  record Recorded(String method, String path, Map<String, String> headers, String body, long nanos) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Writes one response to a connection. */
  @FunctionalInterface
  interface Reply {
    void write(OutputStream out) throws IOException;
  }

  private final ServerSocket socket;
  private final Thread acceptor;
  private final Deque<Reply> script = new ArrayDeque<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private volatile Reply fallback = completion("The sources do not say. [1]", 10, 5);

  ChatServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = Thread.ofPlatform().daemon().name("chat-server").start(this::acceptLoop);
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v1");
  }

  /** Replies to the next requests in this order; then {@link #otherwise}. */
  synchronized ChatServer then(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  /** The reply once the script is used up. */
  ChatServer otherwise(Reply reply) {
    this.fallback = reply;
    return this;
  }

  List<Recorded> requests() {
    return List.copyOf(requests);
  }

  private synchronized Reply next() {
    Reply r = script.poll();
    return r != null ? r : fallback;
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        Thread.ofVirtual().name("chat-server-conn").start(() -> serve(s));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = s.getInputStream();
      String requestLine = line(in);
      if (requestLine == null || requestLine.isEmpty()) {
        return;
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
        int colon = h.indexOf(':');
        headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      byte[] body = in.readNBytes(length);
      String[] parts = requestLine.split(" ");
      requests.add(
          new Recorded(parts[0], parts[1], headers, new String(body, StandardCharsets.UTF_8),
              System.nanoTime()));
      OutputStream out = s.getOutputStream();
      next().write(out);
      out.flush();
    } catch (IOException e) {
      // the client went away (a timeout on its side): nothing to do
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        break;
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return c == -1 && b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  // ---- replies

  static Reply status(int status, String contentType, byte[] body, String... headers) {
    return out -> {
      StringBuilder h = new StringBuilder("HTTP/1.1 " + status + " X\r\n");
      h.append("Content-Type: ").append(contentType).append("\r\n");
      h.append("Content-Length: ").append(body.length).append("\r\n");
      h.append("Connection: close\r\n");
      for (String extra : headers) {
        h.append(extra).append("\r\n");
      }
      h.append("\r\n");
      out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
    };
  }

  static Reply json(int status, String body, String... headers) {
    return status(status, "application/json", body.getBytes(StandardCharsets.UTF_8), headers);
  }

  /** A Chat Completions reply with its {@code usage}. */
  static Reply completion(String text, int promptTokens, int completionTokens) {
    return json(200, completionJson(text, promptTokens, completionTokens));
  }

  static String completionJson(String text, int promptTokens, int completionTokens) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-2024-08-06\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
        + quote(text) + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":"
        + promptTokens + ",\"completion_tokens\":" + completionTokens + ",\"total_tokens\":"
        + (promptTokens + completionTokens) + "}}";
  }

  /** Server-sent events: one chunk per piece, a usage chunk, then {@code [DONE]}; no length. */
  static Reply stream(int promptTokens, int completionTokens, String... pieces) {
    return out -> {
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.write(": keep-alive comment\n\n".getBytes(StandardCharsets.UTF_8));
      for (String p : pieces) {
        String data = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quote(p) + "}}]}";
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      out.write(("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
          + "\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":"
          + completionTokens + "}}\n\n").getBytes(StandardCharsets.UTF_8));
      out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    };
  }

  /** Reads the request, then says nothing for {@code d} (past the client's read timeout). */
  static Reply hang(Duration d) {
    return out -> {
      try {
        Thread.sleep(d);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  /** A 200 whose JSON body is {@code bytes} long, with or without a Content-Length. */
  static Reply oversize(int bytes, boolean declareLength) {
    String pad = "x".repeat(bytes);
    byte[] body = completionJson(pad, 1, 1).getBytes(StandardCharsets.UTF_8);
    if (declareLength) {
      return status(200, "application/json", body);
    }
    return out -> {
      out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
    };
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    acceptor.interrupt();
  }
}
