package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.sdk.Chunk;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.PhiType;
import dev.solosuccess.sdk.Redaction;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest under the PHI policies: with REDACT_BEFORE_STORE no byte of the data folder holds an
 * identifier; with INDEX_REDACTED the stored text is the original while chunks, search and
 * snippets see the redacted text, and chunk offsets still point into the original. The run logs at
 * the finest level, and no identifier reaches the log.
 */
class PhiPolicyTest {

  @TempDir Path dataDir;

  static final String NOTE =
      "Progress note\n\nPatient: Quentin Zylstra   DOB: 03/04/1950   MRN: 00482913\n\n"
          + "Mr. Zylstra is a 72-year-old man with type 2 diabetes. He reports worsening numbness"
          + " in both feet. His daughter, Ysolde Zylstra, can be reached at (555) 301-9922."
          + " SSN 219-44-7781. He lives at 42 Quillfeather Lane, Springfield, IL 62704.\n\n"
          + "Plan: continue metformin 500 mg BID and refer to podiatry.";

  /** The identifiers of NOTE that must appear nowhere. */
  static final List<String> CANARIES =
      List.of("Zylstra", "Quentin", "Ysolde", "00482913", "301-9922", "219-44-7781",
          "Quillfeather", "03/04/1950", "62704");

  @Test
  void redactBeforeStoreKeepsIdentifiersOutOfTheDataFolderAndTheLog() throws IOException {
    List<String> log = captureLog();
    try {
      EngineConfig config =
          EngineConfig.builder(dataDir).phiPolicy(PhiPolicy.REDACT_BEFORE_STORE).build();
      try (SoloEngine engine = SoloEngine.open(config)) {
        Document doc = engine.documents().ingest(DocumentSource.ofText("note.txt", NOTE));
        String stored = engine.documents().text(doc.id());
        assertThat(stored).contains("Patient: [NAME]", "MRN: [MRN]", "[PHONE]", "[SSN]",
            "metformin 500 mg BID");
        for (String canary : CANARIES) {
          assertThat(stored).doesNotContain(canary);
        }
        for (Chunk c : engine.documents().chunks(doc.id())) {
          assertThat(stored.substring(c.provenance().startOffset(), c.provenance().endOffset()))
              .isEqualTo(c.text());
        }
        assertThat(search(engine, "Zylstra")).isEmpty();
        assertThat(search(engine, "numbness feet metformin")).isNotEmpty();
        Redaction r = engine.inference().redact(NOTE);
        assertThat(r.count(PhiType.NAME)).isGreaterThanOrEqualTo(3);
      }
      // every byte the engine wrote, in UTF-8 and UTF-16
      for (String canary : CANARIES) {
        assertThat(filesHolding(dataDir, canary)).as(canary).isEmpty();
      }
    } finally {
      restoreLog();
    }
    for (String canary : CANARIES) {
      assertThat(log).as("log lines holding " + canary)
          .noneMatch(line -> line.contains(canary));
    }
    assertThat(log).as("the capture works").anyMatch(l -> l.contains("log capture check"));
  }

  @Test
  void indexRedactedStoresTheOriginalButSearchesTheRedaction() throws IOException {
    EngineConfig config =
        EngineConfig.builder(dataDir).phiPolicy(PhiPolicy.INDEX_REDACTED).build();
    try (SoloEngine engine = SoloEngine.open(config)) {
      Document doc = engine.documents().ingest(DocumentSource.ofText("note.txt", NOTE));
      String stored = engine.documents().text(doc.id());
      assertThat(stored).contains("Quentin Zylstra", "219-44-7781");
      List<Chunk> chunks = engine.documents().chunks(doc.id());
      StringBuilder all = new StringBuilder();
      for (Chunk c : chunks) {
        all.append(c.text()).append('\n');
        // offsets point into the original: the span there holds the chunk's words
        String original = stored.substring(c.provenance().startOffset(),
            c.provenance().endOffset());
        assertThat(engine.inference().redact(original).text()).isEqualTo(c.text());
      }
      for (String canary : CANARIES) {
        assertThat(all.toString()).doesNotContain(canary);
      }
      assertThat(search(engine, "Zylstra")).isEmpty();
      assertThat(search(engine, "219-44-7781")).isEmpty();
      List<SearchHit> hits = search(engine, "numbness in both feet");
      assertThat(hits).isNotEmpty();
      for (SearchHit h : hits) {
        for (String canary : CANARIES) {
          assertThat(h.snippet()).doesNotContain(canary);
        }
      }
    }
  }

  private static List<SearchHit> search(SoloEngine engine, String query) {
    return engine.search().search(SearchRequest.builder(query).mode(SearchMode.LEXICAL).build())
        .hits();
  }

  /** Files under {@code dir} whose bytes hold {@code canary} in UTF-8 or UTF-16 (either order). */
  static List<Path> filesHolding(Path dir, String canary) throws IOException {
    List<byte[]> needles = List.of(canary.getBytes(StandardCharsets.UTF_8),
        canary.getBytes(StandardCharsets.UTF_16LE), canary.getBytes(StandardCharsets.UTF_16BE));
    List<Path> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (f.startsWith(dir.resolve("native"))) {
          continue; // extracted native libraries, written before any document
        }
        byte[] bytes = Files.readAllBytes(f);
        for (byte[] n : needles) {
          if (indexOf(bytes, n) >= 0) {
            out.add(f);
            break;
          }
        }
      }
    }
    return out;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static final Logger ROOT = Logger.getLogger("");
  private Level savedLevel;
  private Handler handler;

  private List<String> captureLog() {
    List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    savedLevel = ROOT.getLevel();
    handler = new Handler() {
      @Override
      public void publish(LogRecord r) {
        lines.add(r.getLoggerName() + " " + r.getLevel() + " " + r.getMessage() + " "
            + java.util.Arrays.toString(r.getParameters())
            + (r.getThrown() == null ? "" : " " + r.getThrown()));
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    handler.setLevel(Level.ALL);
    ROOT.addHandler(handler);
    ROOT.setLevel(Level.ALL);
    // Proves the capture sees what the engine's System.Logger calls write, whatever ran before.
    System.getLogger(PhiPolicyTest.class.getName())
        .log(System.Logger.Level.DEBUG, "log capture check");
    return lines;
  }

  private void restoreLog() {
    ROOT.removeHandler(handler);
    ROOT.setLevel(savedLevel);
  }
}
