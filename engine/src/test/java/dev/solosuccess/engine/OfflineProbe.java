package dev.solosuccess.engine;

import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.Embedding;
import dev.solosuccess.sdk.LabeledText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Child JVM of {@link OfflineTest}: with every socket guarded, opens an engine, ingests, searches
 * and embeds, then trains and uses a classifier (which loads PyTorch), then reports whether PyTorch
 * was mapped into the process before and after the classifier, and the connection attempts.
 */
public final class OfflineProbe {

  private OfflineProbe() {}

  public static void main(String[] args) throws Exception {
    NetworkGuard.install();
    try (SoloEngine engine = SoloEngine.open(Path.of(args[0]))) {
      engine.documents()
          .ingest(DocumentSource.ofText("note.txt", "The oat milk comes from Northfield."));
      int hits = engine.search().search("oat milk supplier").hits().size();
      Embedding e = engine.inference().embed("Hello world");
      boolean torchBefore = torchLoaded();
      engine.inference().trainClassifier(
          "probe",
          List.of(
              new LabeledText("Where is my parcel?", "shipping"),
              new LabeledText("The courier never came.", "shipping"),
              new LabeledText("Please send it to my office.", "shipping"),
              new LabeledText("You charged me twice.", "billing"),
              new LabeledText("I need an invoice.", "billing"),
              new LabeledText("Refund my last payment.", "billing")));
      String label = engine.inference().classify("probe", "My package is late").best().label();
      System.out.println(
          "OK dimension=" + e.dimension() + " hits=" + hits + " torch-before-classifier="
              + torchBefore + " torch-after=" + torchLoaded() + " label=" + label);
    }
    NetworkGuard.report();
  }

  /** Whether PyTorch's native library is mapped into this process (Linux). */
  private static boolean torchLoaded() throws IOException {
    return Files.readAllLines(Path.of("/proc/self/maps")).stream()
        .anyMatch(l -> l.contains("libtorch"));
  }
}
