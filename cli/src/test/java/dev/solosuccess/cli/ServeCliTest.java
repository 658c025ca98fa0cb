package dev.solosuccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.cli.SoloCliTest.Result;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code solo serve} as a real process: it prints the URL it listens on, answers with the keys of
 * {@code solo users}, and on SIGTERM stops, closes the engine and releases the data folder with
 * everything in it; the configurations it must refuse exit with a clear message.
 */
class ServeCliTest {

  @Test
  void servesUntilSigtermThenClosesTheEngine(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Result root = SoloCliTest.soloIn(data, "users", "add", "root", "--role", "admin", "--json");
    assertThat(root.exitCode()).as(root.err()).isZero();
    String key = root.json().get("apiKey").asString();
    Path keyFile = Files.writeString(dir.resolve("root.key"), key);
    Path notes = Files.createDirectories(dir.resolve("notes"));
    Files.writeString(notes.resolve("grinder.txt"), "The espresso grinder is cleaned weekly.");
    Result ingest =
        SoloCliTest.soloIn(data, "--api-key-file", keyFile.toString(), "ingest", notes.toString());
    assertThat(ingest.exitCode()).as(ingest.err()).isZero();

    Process p = solo(data, "serve", "--port", "0", "--no-tls");
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(120, TimeUnit.SECONDS);
      assertThat(line).as(() -> stderr(dir)).startsWith("listening on http://127.0.0.1:");
      URI base = URI.create(line.substring("listening on ".length()));

      assertThat(get(base.resolve("/healthz"), null)).startsWith("200 ");
      assertThat(get(base.resolve("/v1/models"), null)).startsWith("401 ");
      String models = get(base.resolve("/v1/models"), key);
      assertThat(models).startsWith("200 ").contains("\"object\":\"list\"");
      String embedded =
          post(base.resolve("/v1/embeddings"), key,
              "{\"model\":\"" + modelId(models) + "\",\"input\":\"espresso\"}");
      assertThat(embedded).startsWith("200 ").contains("\"embedding\"");

      // SIGTERM through the handle: Process.destroy() would also close our end of its output.
      assertThat(p.toHandle().destroy()).isTrue();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as("128 + SIGTERM").isEqualTo(143);
      assertThat(readAll(out)).contains("stopped; engine closed");
    } finally {
      p.destroyForcibly();
    }
    // The folder is free again and holds what it held.
    Result docs = SoloCliTest.soloIn(data, "--api-key-file", keyFile.toString(), "docs", "list");
    assertThat(docs.exitCode()).as(docs.err()).isZero();
    assertThat(docs.out()).contains("grinder.txt");
  }

  @Test
  void refusesWhatItMustNotServe(@TempDir Path dir) {
    Path data = dir.resolve("data");
    Result neither = SoloCliTest.soloIn(data, "serve", "--port", "0");
    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(neither.err()).contains("--no-tls").contains("--key-store");

    Result wideOpen = SoloCliTest.soloIn(data, "serve", "--port", "0", "--no-tls", "--bind", "0.0.0.0");
    assertThat(wideOpen.exitCode()).isEqualTo(2);
    assertThat(wideOpen.err()).contains("plain HTTP is allowed on a loopback address only");

    Result both =
        SoloCliTest.soloIn(data, "serve", "--port", "0", "--no-tls", "--key-store", "x.p12",
            "--key-store-password-file", "pw");
    assertThat(both.exitCode()).isEqualTo(2);

    Result noEgressPolicy =
        SoloCliTest.soloIn(data, "serve", "--port", "0", "--no-tls", "--llm-url",
            "https://api.openai.com/v1");
    assertThat(noEgressPolicy.exitCode()).isEqualTo(2);
    assertThat(noEgressPolicy.err()).contains("--llm-allow-host api.openai.com");

    Result otherHost =
        SoloCliTest.soloIn(data, "serve", "--port", "0", "--no-tls", "--llm-url",
            "https://api.openai.com/v1", "--llm-allow-host", "example.org");
    assertThat(otherHost.exitCode()).as(otherHost.err()).isNotZero();
    assertThat(otherHost.err()).contains("api.openai.com");

    Result noPrincipals = SoloCliTest.soloIn(data, "serve", "--port", "0", "--no-tls");
    assertThat(noPrincipals.exitCode()).isEqualTo(1);
    assertThat(noPrincipals.err()).contains("no principals").contains("solo users add");
  }

  private static String modelId(String modelsReply) {
    int at = modelsReply.indexOf("\"id\":\"") + 6;
    return modelsReply.substring(at, modelsReply.indexOf('"', at));
  }

  private static String get(URI uri, String key) throws IOException {
    HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
    if (key != null) {
      c.setRequestProperty("Authorization", "Bearer " + key);
    }
    return reply(c);
  }

  private static String post(URI uri, String key, String json) throws IOException {
    HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setRequestProperty("Authorization", "Bearer " + key);
    c.setRequestProperty("Content-Type", "application/json");
    try (OutputStream o = c.getOutputStream()) {
      o.write(json.getBytes(StandardCharsets.UTF_8));
    }
    return reply(c);
  }

  private static String reply(HttpURLConnection c) throws IOException {
    int code = c.getResponseCode();
    try (InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
      return code + " " + (in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static String readLine(BufferedReader r) {
    try {
      return r.readLine();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String readAll(BufferedReader r) throws IOException {
    StringBuilder b = new StringBuilder();
    String line;
    while ((line = r.readLine()) != null) {
      b.append(line).append('\n');
    }
    return b.toString();
  }

  private static String stderr(Path dir) {
    try {
      return Files.readString(dir.resolve("serve.err"));
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static Process solo(Path dataDir, String... args) throws IOException {
    Path target = Path.of(System.getProperty("solo.repo.root", "..")).resolve("cli/target");
    String classPath =
        target.resolve("classes") + java.io.File.pathSeparator
            + Files.readString(target.resolve("runtime-classpath.txt")).strip();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("--add-modules=jdk.incubator.vector");
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-Xmx1g");
    command.add("-cp");
    command.add(classPath);
    command.add(Solo.class.getName());
    command.add("--data-dir");
    command.add(dataDir.toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectError(dataDir.resolveSibling("serve.err").toFile())
        .start();
  }
}
