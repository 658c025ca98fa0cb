package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text files near the heap's size, ingested in a child JVM with a 256 MB heap (the engine itself
 * takes about 150 MB) that exits on any OutOfMemoryError: a 200 MB text file is read as a stream
 * and refused at maxExtractedChars (the batch goes on), and a 9 MiB file, streamed too, is stored
 * whole. Before streaming, the 200 MB file was read whole and the child ran out of memory. The
 * small version of {@code benchmarks/.../MemoryCheck} (2 GB of text and a 500-page PDF under a
 * 1 GB heap).
 */
class BoundedMemoryTest {

  private static final int HEAP_MB = 256;

  @TempDir Path dataDir;
  @TempDir Path docs;

  @Test
  void textLargerThanTheHeapIsStreamedAndRefusedAtItsLimit(@TempDir Path logs) throws Exception {
    Files.writeString(docs.resolve("good.txt"), "The pears are pruned in February. Marker zqgood.");
    // 9 MiB, above the 8 MiB at which text is streamed, but under 10 million characters.
    StringBuilder sparse = new StringBuilder("Marker zqfirst opens the file.\n\n");
    sparse.append("   \n".repeat((9 << 20) / 4));
    sparse.append("Marker zqlast closes it.\n");
    Files.writeString(docs.resolve("sparse.txt"), sparse);
    writeText(docs.resolve("big.txt"), 200L << 20);

    List<String> lines = new ArrayList<>();
    Path stderr = logs.resolve("child.err");
    Process child = ChildJvm.builder(IngestFolder.class,
            List.of("-Xmx" + HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError"),
            dataDir.toString(), docs.toString(), String.valueOf(1L << 30))
        .redirectError(stderr.toFile())
        .start();
    try (var out = child.inputReader(StandardCharsets.UTF_8)) {
      out.lines().forEach(lines::add);
    } finally {
      if (!child.waitFor(120, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
    assertThat(child.exitValue()).as("child exit status (3: out of memory); output:\n%s\n%s",
        String.join("\n", lines), Files.readString(stderr).lines().limit(40).toList()).isZero();
    assertThat(lines).contains("INGESTED\t" + docs.resolve("good.txt"),
        "INGESTED\t" + docs.resolve("sparse.txt"));
    assertThat(lines).anySatisfy(l -> assertThat(l)
        .startsWith("SKIPPED\t" + docs.resolve("big.txt") + "\tlimit-exceeded\t")
        .contains("maxExtractedChars (10000000)"));
    System.out.println("bounded memory: " + lines.stream()
        .filter(l -> l.startsWith("PEAK_HEAP") || l.startsWith("MAX_HEAP")).toList());

    try (SoloEngine engine = TestSupport.open(dataDir)) {
      assertThat(engine.documents().count()).isEqualTo(2);
      String id = engine.documents().list().stream()
          .filter(d -> d.source().endsWith("sparse.txt")).findFirst().orElseThrow().id();
      assertThat(engine.documents().text(id))
          .isEqualTo("Marker zqfirst opens the file.\n\nMarker zqlast closes it.");
      for (String marker : List.of("zqgood", "zqfirst", "zqlast")) {
        assertThat(engine.search().search(SearchRequest.builder(marker)
            .mode(SearchMode.LEXICAL).build()).hits()).as(marker).isNotEmpty();
      }
    }
  }

  /** Lines of words with a blank line now and then, {@code bytes} long, written a block at a time. */
  static void writeText(Path file, long bytes) throws IOException {
    StringBuilder block = new StringBuilder();
    for (int i = 0; block.length() < (1 << 20); i++) {
      block.append("Line ").append(i).append(" of the long log: the pump ran at ")
          .append(i % 97).append(" litres per minute.\n");
      if (i % 9 == 8) {
        block.append('\n');
      }
    }
    byte[] b = block.toString().getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      for (long written = 0; written < bytes; written += b.length) {
        out.write(b, 0, (int) Math.min(b.length, bytes - written));
      }
    }
  }
}
