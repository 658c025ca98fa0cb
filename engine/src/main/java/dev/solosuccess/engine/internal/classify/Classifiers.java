package dev.solosuccess.engine.internal.classify;

import ai.djl.MalformedModelException;
import dev.solosuccess.engine.internal.crypto.FileSeal;
import dev.solosuccess.engine.internal.model.EmbeddingModel;
import dev.solosuccess.engine.internal.model.ModelSpec;
import dev.solosuccess.sdk.Classification;
import dev.solosuccess.sdk.ClassifierReport;
import dev.solosuccess.sdk.ClassifierTraining;
import dev.solosuccess.sdk.EmbeddingKind;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.LabelScore;
import dev.solosuccess.sdk.LabeledText;
import dev.solosuccess.sdk.NotFoundException;
import dev.solosuccess.sdk.StorageException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Trained classifiers on the engine's embeddings: training (embed, hold out, train and measure,
 * train again on everything, save), prediction, listing and deletion. Texts are embedded as
 * passages, in training and prediction alike.
 *
 * <p>PyTorch loads only when a classifier is trained or first used; listing reads descriptors
 * alone. A classifier records the embedding model it was trained under and is refused under any
 * other.
 *
 * <p>Thread-safe. Loaded heads are kept until replaced, deleted or {@link #close() closed}; a
 * read-write lock keeps a head from being closed while a prediction uses it. Training runs outside
 * the lock: only installing the result excludes predictions, briefly.
 */
public final class Classifiers implements AutoCloseable {

  private final ClassifierStore store;
  private final EmbeddingModel model;
  private final FileSeal seal;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();
  private boolean closed; // guarded by lock's write lock

  /**
   * @param folder where classifiers are kept, {@code <data>/classifiers}; an interrupted change
   *     left there is settled now
   * @param model the engine's embedding model
   * @param seal how the classifiers' files are written: sealed in an encrypted data folder
   */
  public Classifiers(Path folder, EmbeddingModel model, FileSeal seal) {
    this.store = new ClassifierStore(folder, seal);
    this.model = model;
    this.seal = seal;
  }

  private record Loaded(ClassifierDescriptor descriptor, SoftmaxHead head) {}

  /** Trains, measures and saves a classifier; see {@link ClassifierTraining}. */
  public ClassifierReport train(ClassifierTraining training) {
    List<LabeledText> examples = training.examples();
    List<String> labels =
        examples.stream().map(LabeledText::label).distinct().sorted().toList();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      index.put(labels.get(i), i);
    }
    int[] y = examples.stream().mapToInt(e -> index.get(e.label())).toArray();
    float[][] x =
        model.embed(examples.stream().map(LabeledText::text).toList(), EmbeddingKind.PASSAGE)
            .vectors();

    HeldOutSplit split =
        HeldOutSplit.stratified(y, labels.size(), training.testFraction(), training.seed());
    ClassifierMetrics measured;
    try (SoftmaxHead head =
        SoftmaxHead.train(rows(x, split.train()), pick(y, split.train()), labels.size(),
            training.epochs())) {
      float[][] p = head.probabilities(rows(x, split.heldOut()));
      int[] predicted = new int[p.length];
      for (int i = 0; i < p.length; i++) {
        predicted[i] = argmax(p[i]);
      }
      measured = ClassifierMetrics.measure(labels, pick(y, split.heldOut()), predicted);
    }

    ModelSpec spec = model.spec();
    ClassifierReport report =
        new ClassifierReport(
            training.name(),
            spec.id(),
            labels,
            examples.size(),
            split.train().length,
            split.heldOut().length,
            measured.accuracy(),
            measured.macroF1(),
            measured.perLabel(),
            training.epochs(),
            Instant.now());
    ClassifierDescriptor descriptor =
        new ClassifierDescriptor(
            report, spec.dimension(), training.testFraction(), training.seed());
    int[] all = HeldOutSplit.shuffledAll(examples.size(), training.seed());
    try (SoftmaxHead head =
        SoftmaxHead.train(rows(x, all), pick(y, all), labels.size(), training.epochs())) {
      lock.writeLock().lock();
      try {
        checkOpen();
        store.install(
            training.name(),
            folder -> {
              head.save(folder, seal);
              descriptor.write(folder, seal);
            });
        unload(training.name());
      } finally {
        lock.writeLock().unlock();
      }
    }
    return report;
  }

  /**
   * The labels of each text, with probabilities.
   *
   * @throws NotFoundException if there is no classifier {@code name}
   * @throws InvalidInputException if it was trained under another embedding model
   */
  public List<Classification> classify(String name, List<String> texts) {
    lock.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("the classifiers are closed");
      }
      Loaded l = loaded(name);
      if (texts.isEmpty()) {
        return List.of();
      }
      float[][] x = model.embed(texts, EmbeddingKind.PASSAGE).vectors();
      float[][] p = l.head().probabilities(x);
      List<String> labels = l.descriptor().report().labels();
      List<Classification> out = new ArrayList<>(p.length);
      for (float[] row : p) {
        out.add(new Classification(name, ranked(labels, row)));
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Every saved classifier, by name. */
  public List<ClassifierReport> list() {
    return store.list().stream().map(ClassifierDescriptor::report).toList();
  }

  /**
   * Deletes a classifier.
   *
   * @throws NotFoundException if there is none of that name
   */
  public void delete(String name) {
    lock.writeLock().lock();
    try {
      checkOpen();
      unload(name);
      if (!store.delete(name)) {
        throw new NotFoundException("classifier", name);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Frees every loaded head; idempotent. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
      for (String name : List.copyOf(loaded.keySet())) {
        unload(name);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the classifiers are closed");
    }
  }

  /** Caller holds the write lock. */
  private void unload(String name) {
    Loaded old = loaded.remove(name);
    if (old != null) {
      old.head().close();
    }
  }

  /** The classifier {@code name}, loaded on first use. Caller holds the read lock. */
  private Loaded loaded(String name) {
    Loaded l = loaded.get(name);
    if (l != null) {
      return l;
    }
    ClassifierDescriptor d =
        store.read(name).orElseThrow(() -> new NotFoundException("classifier", name));
    checkModel(d);
    return loaded.computeIfAbsent(name, n -> new Loaded(d, loadHead(d)));
  }

  private void checkModel(ClassifierDescriptor d) {
    ModelSpec spec = model.spec();
    if (!d.report().embeddingModel().equals(spec.id()) || d.dimension() != spec.dimension()) {
      throw new InvalidInputException(
          "classifier '" + d.report().name() + "' was trained on embeddings of model "
              + d.report().embeddingModel() + " (" + d.dimension() + " dimensions), but this"
              + " engine embeds with " + spec.id() + " (" + spec.dimension() + " dimensions);"
              + " train it again under " + spec.id());
    }
  }

  private SoftmaxHead loadHead(ClassifierDescriptor d) {
    Path folder = store.folder(d.report().name());
    try {
      return SoftmaxHead.load(folder, d.dimension(), d.report().labels().size(), seal);
    } catch (IOException | MalformedModelException e) {
      throw new StorageException(
          "cannot load the weights of classifier '" + d.report().name() + "' from " + folder
              + ": " + e.getMessage() + "; delete it and train it again",
          folder,
          e);
    }
  }

  /** Labels by falling probability, normalized in double precision so that they sum to 1. */
  private static List<LabelScore> ranked(List<String> labels, float[] p) {
    double sum = 0;
    for (float v : p) {
      sum += v;
    }
    List<LabelScore> scores = new ArrayList<>(p.length);
    for (int i = 0; i < p.length; i++) {
      scores.add(new LabelScore(labels.get(i), p[i] / sum));
    }
    scores.sort(
        Comparator.comparingDouble(LabelScore::score).reversed().thenComparing(LabelScore::label));
    return scores;
  }

  private static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  private static float[][] rows(float[][] x, int[] indexes) {
    float[][] out = new float[indexes.length][];
    for (int i = 0; i < indexes.length; i++) {
      out[i] = x[indexes[i]];
    }
    return out;
  }

  private static int[] pick(int[] y, int[] indexes) {
    int[] out = new int[indexes.length];
    for (int i = 0; i < indexes.length; i++) {
      out[i] = y[indexes[i]];
    }
    return out;
  }
}
