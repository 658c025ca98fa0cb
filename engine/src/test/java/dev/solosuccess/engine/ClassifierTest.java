package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.solosuccess.sdk.Classification;
import dev.solosuccess.sdk.ClassifierReport;
import dev.solosuccess.sdk.ClassifierTraining;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.LabelMetrics;
import dev.solosuccess.sdk.LabelScore;
import dev.solosuccess.sdk.LabeledText;
import dev.solosuccess.sdk.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Classifiers trained with DJL on PyTorch over the real model's embeddings, saved in a real data
 * folder: held-out quality on a labelled set written for the test, reproducibility, persistence,
 * the embedding-model check, crash recovery and input errors.
 */
class ClassifierTest {

  /** Texts none of the training messages contains, one per label. */
  static final List<String> NEW_TEXTS =
      List.of(
          "My package was supposed to arrive on Monday and it still isn't here.",
          "You took the money from my card two times.",
          "What brew ratio works for a Chemex with your Kenyan beans?",
          "I can't remember my login password.");

  @TempDir static Path dataDir;
  static SoloEngine engine;
  static List<LabeledText> tickets;

  @BeforeAll
  static void open() {
    engine = TestSupport.open(dataDir);
    tickets = TicketSet.load();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void aTrainedClassifierLabelsHeldOutTicketsWell() {
    ClassifierReport r = engine.inference().trainClassifier("tickets", tickets);
    System.out.printf(
        "support tickets, 4 labels, defaults: held-out accuracy %.3f, macro-F1 %.3f, %s%n",
        r.accuracy(), r.macroF1(), r.perLabel());

    assertThat(r.name()).isEqualTo("tickets");
    assertThat(r.embeddingModel()).isEqualTo(EngineConfig.DEFAULT_EMBEDDING_MODEL);
    assertThat(r.labels()).containsExactly("account", "billing", "coffee", "shipping");
    assertThat(r.examples()).isEqualTo(100);
    assertThat(r.trainExamples()).isEqualTo(80);
    assertThat(r.heldOutExamples()).isEqualTo(20);
    assertThat(r.epochs()).isEqualTo(ClassifierTraining.DEFAULT_EPOCHS);
    assertThat(r.perLabel()).extracting(LabelMetrics::label).containsExactlyElementsOf(r.labels());
    assertThat(r.perLabel()).extracting(LabelMetrics::support).containsOnly(5);
    // Chance is 0.25; a classifier that learned nothing, or mixed up its label order, is far below.
    assertThat(r.accuracy()).isGreaterThanOrEqualTo(0.85);
    assertThat(r.macroF1()).isGreaterThanOrEqualTo(0.85);
    double meanF1 = r.perLabel().stream().mapToDouble(LabelMetrics::f1).average().orElseThrow();
    assertThat(r.macroF1()).isCloseTo(meanF1, within(1e-12));

    List<Classification> labelled = engine.inference().classifyAll("tickets", NEW_TEXTS);
    assertThat(labelled)
        .extracting(c -> c.best().label())
        .containsExactly("shipping", "billing", "coffee", "account");
    for (Classification c : labelled) {
      assertThat(c.classifier()).isEqualTo("tickets");
      assertThat(c.scores()).hasSize(4);
      assertThat(c.scores())
          .extracting(LabelScore::score)
          .allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0))
          .isSortedAccordingTo(Comparator.reverseOrder());
      assertThat(c.scores().stream().mapToDouble(LabelScore::score).sum())
          .isCloseTo(1.0, within(1e-9));
    }
    assertThat(engine.inference().classify("tickets", NEW_TEXTS.get(0)))
        .as("one text alone, as in a batch")
        .satisfies(c -> assertSameScores(c, labelled.get(0), 1e-6));
  }

  @Test
  void withShuffledLabelsTheHeldOutAccuracyIsNearChance() {
    // The control: the threshold above is met by learning, not by the split or the metric.
    List<String> labels = new ArrayList<>(tickets.stream().map(LabeledText::label).toList());
    Collections.shuffle(labels, new Random(7));
    List<LabeledText> shuffled = new ArrayList<>();
    for (int i = 0; i < tickets.size(); i++) {
      shuffled.add(new LabeledText(tickets.get(i).text(), labels.get(i)));
    }
    ClassifierReport r = engine.inference().trainClassifier("control", shuffled);
    System.out.printf("shuffled labels (control): held-out accuracy %.3f%n", r.accuracy());
    assertThat(r.accuracy()).isLessThan(0.6);
    engine.inference().deleteClassifier("control");
  }

  @Test
  void theSameExamplesAndSeedTrainTheSameClassifier() {
    ClassifierTraining training =
        ClassifierTraining.builder("repeat", tickets).epochs(30).seed(5).build();
    ClassifierReport first = engine.inference().trainClassifier(training);
    List<Classification> before = engine.inference().classifyAll("repeat", NEW_TEXTS);
    ClassifierReport second = engine.inference().trainClassifier(training);
    List<Classification> after = engine.inference().classifyAll("repeat", NEW_TEXTS);

    assertThat(second.accuracy()).isEqualTo(first.accuracy());
    assertThat(second.perLabel()).isEqualTo(first.perLabel());
    for (int i = 0; i < before.size(); i++) {
      assertSameScores(after.get(i), before.get(i), 1e-6);
    }
    ClassifierReport otherSeed =
        engine.inference().trainClassifier(
            ClassifierTraining.builder("repeat", tickets).epochs(30).seed(6).build());
    assertThat(otherSeed.labels()).isEqualTo(first.labels());
    engine.inference().deleteClassifier("repeat");
  }

  @Test
  void aSavedClassifierGivesTheSameProbabilitiesAfterTheEngineReopens(@TempDir Path own) {
    List<Classification> before;
    try (SoloEngine e = TestSupport.open(own)) {
      e.inference().trainClassifier(
          ClassifierTraining.builder("default", tickets).epochs(20).build());
      before = e.inference().classifyAll("default", NEW_TEXTS);
    }
    assertThat(own.resolve("classifiers/default/classifier.json")).isRegularFile();
    try (SoloEngine e = TestSupport.open(own)) {
      assertThat(e.inference().classifiers())
          .singleElement()
          .satisfies(r -> assertThat(r.name()).isEqualTo("default"));
      List<Classification> after = e.inference().classifyAll("default", NEW_TEXTS);
      for (int i = 0; i < before.size(); i++) {
        assertSameScores(after.get(i), before.get(i), 1e-7);
      }
      assertSameScores(e.inference().classify(NEW_TEXTS.get(2)), before.get(2), 1e-6);
    }
  }

  @Test
  void anEncryptedFolderSealsItsClassifiersAndReencryptionKeepsThemWorking(@TempDir Path own)
      throws Exception {
    // Label names that must not appear in plain form anywhere on disk.
    List<LabeledText> secret =
        tickets.stream().map(t -> new LabeledText(t.text(), "zqsecret" + t.label())).toList();
    for (int stopAfter : new int[] {0, 1, 2}) {
      Path data = own.resolve("keyed" + stopAfter);
      EngineConfig config =
          EngineConfig.builder(data).masterKey(EncryptionAtRestTest.randomKey()).build();
      List<Classification> before;
      try (SoloEngine e = SoloEngine.open(config)) {
        e.inference().trainClassifier(
            ClassifierTraining.builder("triage", secret).epochs(20).build());
        before = e.inference().classifyAll("triage", NEW_TEXTS);
      }
      Path folder = data.resolve("classifiers/triage");
      List<Path> files;
      try (var list = Files.list(folder)) {
        files = list.sorted().toList();
      }
      assertThat(files).extracting(p -> p.getFileName().toString())
          .containsExactly("classifier.json", "head.params.sealed");
      java.util.Map<Path, byte[]> sealedBefore = new java.util.HashMap<>();
      for (Path f : files) {
        byte[] bytes = Files.readAllBytes(f);
        sealedBefore.put(f, bytes);
        assertThat(new String(bytes, 0, 8, java.nio.charset.StandardCharsets.US_ASCII))
            .as(f.toString()).isEqualTo("SOLOSEAL");
      }
      assertThat(CanaryScan.hits(data, "zqsecret")).as("label names in plain form").isEmpty();

      SoloEngine.reencrypt(config, stopAfter);
      try (SoloEngine e = SoloEngine.open(config)) {
        List<Classification> after = e.inference().classifyAll("triage", NEW_TEXTS);
        for (int i = 0; i < before.size(); i++) {
          assertSameScores(after.get(i), before.get(i), 1e-7);
        }
      }
      boolean rolledBack = stopAfter == 1;
      for (Path f : files) {
        assertThat(java.util.Arrays.equals(Files.readAllBytes(f), sealedBefore.get(f)))
            .as("stopAfter %d: %s is %s", stopAfter, f.getFileName(),
                rolledBack ? "kept" : "sealed again under the new key")
            .isEqualTo(rolledBack);
      }
      try (var list = Files.list(folder)) {
        assertThat(list.map(p -> p.getFileName().toString()))
            .as("no staged copy left").noneMatch(n -> n.endsWith(".resealed"));
      }
    }
  }

  @Test
  void aClassifierTrainedUnderAnotherEmbeddingModelIsRefused(@TempDir Path other)
      throws IOException {
    engine.inference().trainClassifier(
        ClassifierTraining.builder("moved", tickets).epochs(10).build());
    copyTree(dataDir.resolve("classifiers/moved"), other.resolve("classifiers/moved"));
    try (SoloEngine q =
        SoloEngine.open(EngineConfig.builder(other).embeddingModel("all-minilm-l6-v2-q").build())) {
      assertThat(q.inference().classifiers()).hasSize(1);
      assertThatThrownBy(() -> q.inference().classify("moved", "Where is my parcel?"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(
              "classifier 'moved' was trained on embeddings of model all-minilm-l6-v2 (384"
                  + " dimensions), but this engine embeds with all-minilm-l6-v2-q")
          .hasMessageContaining("train it again");
    }
    engine.inference().deleteClassifier("moved");
  }

  @Test
  void predictionsGoOnWhileTheClassifierIsReplaced() throws Exception {
    ClassifierTraining training =
        ClassifierTraining.builder("busy", tickets).epochs(10).build();
    engine.inference().trainClassifier(training);
    AtomicBoolean trained = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> readers = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        readers.add(
            pool.submit(
                () -> {
                  int calls = 0;
                  while (!trained.get() || calls == 0) {
                    for (Classification c : engine.inference().classifyAll("busy", NEW_TEXTS)) {
                      assertThat(c.scores()).hasSize(4);
                      assertThat(c.scores().stream().mapToDouble(LabelScore::score).sum())
                          .isCloseTo(1.0, within(1e-9));
                    }
                    calls++;
                  }
                  return calls;
                }));
      }
      for (int round = 0; round < 3; round++) {
        engine.inference().trainClassifier(training);
      }
      trained.set(true);
      for (Future<Integer> f : readers) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
    engine.inference().deleteClassifier("busy");
  }

  @Test
  void classifiersAreListedAndDeleted() {
    engine.inference().trainClassifier(
        ClassifierTraining.builder("short-lived", tickets).epochs(5).build());
    assertThat(engine.inference().classifiers())
        .extracting(ClassifierReport::name)
        .contains("short-lived");
    ClassifierReport listed =
        engine.inference().classifiers().stream()
            .filter(r -> r.name().equals("short-lived"))
            .findFirst()
            .orElseThrow();
    assertThat(listed.epochs()).isEqualTo(5);
    assertThat(listed.perLabel()).hasSize(4);

    engine.inference().classify("short-lived", "hello"); // loaded, then deleted under it
    engine.inference().deleteClassifier("short-lived");
    assertThat(engine.inference().classifiers())
        .extracting(ClassifierReport::name)
        .doesNotContain("short-lived");
    assertThat(dataDir.resolve("classifiers/short-lived")).doesNotExist();
    assertThatThrownBy(() -> engine.inference().classify("short-lived", "hello"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("no classifier with id 'short-lived'");
    assertThatThrownBy(() -> engine.inference().deleteClassifier("short-lived"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aReplacementInterruptedByACrashLeavesThePreviousClassifier(@TempDir Path own)
      throws IOException {
    List<Classification> before;
    try (SoloEngine e = TestSupport.open(own)) {
      e.inference().trainClassifier(
          ClassifierTraining.builder("kept", tickets).epochs(10).build());
      before = e.inference().classifyAll("kept", NEW_TEXTS);
    }
    // What a kill between the two renames of a replacement leaves: the old classifier moved
    // aside, the new one complete in staging but not in place; and a half-written staging folder
    // of another training.
    Path classifiers = own.resolve("classifiers");
    Files.move(classifiers.resolve("kept"), classifiers.resolve(".retired-kept-" + UUID.randomUUID()));
    copyTree(classifiers.resolve(".retired-kept-" + onlyRetired(classifiers)),
        classifiers.resolve(".staging-kept-" + UUID.randomUUID()));
    Path half = Files.createDirectories(classifiers.resolve(".staging-other-" + UUID.randomUUID()));
    Files.writeString(half.resolve("head-0000.params"), "half");

    try (SoloEngine e = TestSupport.open(own)) {
      assertThat(e.inference().classifiers()).extracting(ClassifierReport::name)
          .containsExactly("kept");
      List<Classification> after = e.inference().classifyAll("kept", NEW_TEXTS);
      for (int i = 0; i < before.size(); i++) {
        assertSameScores(after.get(i), before.get(i), 1e-7);
      }
    }
    try (Stream<Path> left = Files.list(classifiers)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("kept");
    }
  }

  @Test
  void badTrainingInputIsRefusedWithAClearMessage() {
    List<LabeledText> oneLabel =
        List.of(new LabeledText("a", "x"), new LabeledText("b", "x"), new LabeledText("c", "x"));
    assertThatThrownBy(() -> engine.inference().trainClassifier("one", oneLabel))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("a classifier needs 2..1000 distinct labels, got 1 [x]");

    List<LabeledText> fewForOne =
        List.of(
            new LabeledText("a", "x"), new LabeledText("b", "x"), new LabeledText("c", "lonely"));
    assertThatThrownBy(() -> engine.inference().trainClassifier("few", fewForOne))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("every label needs at least 2 examples")
        .hasMessageContaining("'lonely' (1)");

    assertThatThrownBy(() -> new LabeledText("  ", "billing"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("the text of an example must not be blank (label 'billing')");
    assertThatThrownBy(() -> new LabeledText("Where is it?", ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("the label of an example must not be blank");
    assertThatThrownBy(() -> engine.inference().trainClassifier("Bad Name", tickets))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("got 'Bad Name'");
    assertThatThrownBy(
            () -> ClassifierTraining.builder("t", tickets).testFraction(0.7).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("testFraction must be more than 0 and at most 0.5, got 0.7");
    assertThatThrownBy(() -> ClassifierTraining.builder("t", tickets).epochs(0).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("epochs must be in 1..10000, got 0");

    assertThatThrownBy(() -> engine.inference().classify("no-such", "Where is my parcel?"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("no classifier with id 'no-such'");
    assertThatThrownBy(() -> engine.inference().classify("tickets", " "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("text 0 is blank; there is nothing to classify");
    assertThatThrownBy(() -> engine.inference().classify("../etc", "x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("got '../etc'");
  }

  private static void assertSameScores(Classification a, Classification b, double tolerance) {
    assertThat(a.scores()).extracting(LabelScore::label)
        .containsExactlyElementsOf(b.scores().stream().map(LabelScore::label).toList());
    for (int i = 0; i < a.scores().size(); i++) {
      assertThat(a.scores().get(i).score())
          .isCloseTo(b.scores().get(i).score(), within(tolerance));
    }
  }

  private static String onlyRetired(Path classifiers) throws IOException {
    try (Stream<Path> s = Files.list(classifiers)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".retired-kept-"))
          .findFirst()
          .orElseThrow()
          .substring(".retired-kept-".length());
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }
}
