package dev.solosuccess.engine;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No plain text outside the encrypted stores, temporary files included. A child JVM whose {@code
 * java.io.tmpdir} is a folder this test watches (inotify sees a file even if it is deleted at once)
 * ingests a canary in every format, searches, summarizes, redacts, backs up and deletes, with a
 * master key. Then: no file was created in the temporary folder but ONNX Runtime's native library
 * folder; not one canary in any byte, in UTF-8 or UTF-16, of any file left there, of the data
 * folder or of the backup.
 */
class TempFileCanaryTest {

  static final String CANARY = "quokkatempcanary";
  static final String NOTE =
      "Patient Ximena Quokkatempcanary was seen on 02/09/2024 for dizziness; the " + CANARY
          + " dose was lowered.";
  /** What native libraries leave in java.io.tmpdir: no document content. */
  private static final Pattern NATIVE =
      Pattern.compile("onnxruntime-java\\d+(/.*\\.so)?|.*/?lib\\w+\\.so|jna\\w*\\.tmp");

  @TempDir Path dir;

  @Test
  void noTemporaryFileAndNoFileOfTheEngineHoldsPlainText() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Set<String> created = ConcurrentHashMap.newKeySet();
    try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
      Thread watching = Thread.ofPlatform().daemon().name("tmp-watcher")
          .start(() -> watch(watcher, tmp, created));
      watch(watcher, tmp);
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      ProcessBuilder pb =
          ChildJvm.builder(
              TempFileCanaryRun.class,
              List.of("-Djava.io.tmpdir=" + tmp),
              dir.resolve("data").toString(),
              dir.resolve("docs").toString(),
              dir.resolve("backup").toString());
      pb.environment().put(MasterKey.ENVIRONMENT_VARIABLE, Base64.getEncoder().encodeToString(key));
      Process child = pb.redirectErrorStream(true).start();
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
      assertThat(output).as(tail(output)).contains("DONE");
      assertThat(output).as("every format read, none skipped").contains("ingested 13 skipped 0");
      assertThat(output).as("the canary found in every document").contains("LEXICAL hits 13");
      Thread.sleep(200); // the last inotify events
      watching.interrupt();
    }

    List<String> unexpected = new ArrayList<>();
    for (String name : created) {
      if (!NATIVE.matcher(name).matches()) {
        unexpected.add(name);
      }
    }
    assertThat(unexpected).as("files the run created in java.io.tmpdir").isEmpty();
    for (Path root : List.of(tmp, dir.resolve("data"), dir.resolve("backup"))) {
      Map<Path, Integer> hits = CanaryScan.hits(root, CANARY);
      assertThat(hits).as("canaries under " + root).isEmpty();
    }
    assertThat(Files.list(dir.resolve("backup")).count()).as("the backup was written").isPositive();
    System.out.println("TempFileCanaryTest: created in java.io.tmpdir: " + created);
  }

  private static void watch(WatchService watcher, Path folder) throws IOException {
    folder.register(watcher, ENTRY_CREATE);
  }

  /** Records every created path (relative to {@code root}), watching new folders too. */
  private static void watch(WatchService watcher, Path root, Set<String> created) {
    try {
      while (true) {
        WatchKey key = watcher.take();
        Path folder = (Path) key.watchable();
        for (var event : key.pollEvents()) {
          if (event.context() instanceof Path name) {
            Path p = folder.resolve(name);
            created.add(root.relativize(p).toString());
            if (Files.isDirectory(p)) {
              watch(watcher, p);
            }
          }
        }
        key.reset();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // the test is over
    } catch (IOException e) {
      created.add("(watch failed: " + e + ")");
    }
  }

  private static String tail(String output) {
    return output.length() < 4000 ? output : output.substring(output.length() - 4000);
  }
}
