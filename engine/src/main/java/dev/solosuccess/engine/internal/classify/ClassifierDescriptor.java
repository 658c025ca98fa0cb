package dev.solosuccess.engine.internal.classify;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.solosuccess.sdk.ClassifierReport;
import dev.solosuccess.sdk.LabelMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@value #FILE}: what a saved classifier is, beside its weights. It names its format and version,
 * the embedding model and dimension the weights read (checked before the weights are used), the
 * labels in weight-row order, how it was trained and what it measured.
 *
 * <pre>{@code
 * {"format": "solo-classifier", "version": 1, "name": "tickets", "head": "softmax-linear",
 *  "embeddingModel": "all-minilm-l6-v2", "dimension": 384, "labels": ["refund", "shipping"],
 *  "examples": 100, "trainExamples": 80, "heldOutExamples": 20, "accuracy": 0.95,
 *  "macroF1": 0.949, "perLabel": [{"label": "refund", "precision": 1.0, ...}], "epochs": 60,
 *  "testFraction": 0.2, "seed": 42, "createdAt": "2026-01-01T00:00:00Z"}
 * }</pre>
 *
 * @param report the public description
 * @param dimension length of the embeddings the weights read
 * @param testFraction share of each label held out for measuring
 * @param seed the seed of the split and example order
 */
record ClassifierDescriptor(
    ClassifierReport report, int dimension, double testFraction, long seed) {

  static final String FILE = "classifier.json";
  static final String FORMAT = "solo-classifier";
  static final int VERSION = 1;
  /** The one kind of head so far; a future one gets its own name. */
  static final String HEAD = "softmax-linear";

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  /** Writes {@value #FILE} into {@code folder}. */
  void write(Path folder) throws IOException {
    ClassifierReport r = report;
    JsonObject o = new JsonObject();
    o.addProperty("format", FORMAT);
    o.addProperty("version", VERSION);
    o.addProperty("name", r.name());
    o.addProperty("head", HEAD);
    o.addProperty("embeddingModel", r.embeddingModel());
    o.addProperty("dimension", dimension);
    JsonArray labels = new JsonArray();
    r.labels().forEach(labels::add);
    o.add("labels", labels);
    o.addProperty("examples", r.examples());
    o.addProperty("trainExamples", r.trainExamples());
    o.addProperty("heldOutExamples", r.heldOutExamples());
    o.addProperty("accuracy", r.accuracy());
    o.addProperty("macroF1", r.macroF1());
    JsonArray perLabel = new JsonArray();
    for (LabelMetrics m : r.perLabel()) {
      JsonObject lm = new JsonObject();
      lm.addProperty("label", m.label());
      lm.addProperty("precision", m.precision());
      lm.addProperty("recall", m.recall());
      lm.addProperty("f1", m.f1());
      lm.addProperty("support", m.support());
      perLabel.add(lm);
    }
    o.add("perLabel", perLabel);
    o.addProperty("epochs", r.epochs());
    o.addProperty("testFraction", testFraction);
    o.addProperty("seed", seed);
    o.addProperty("createdAt", r.createdAt().toString());
    Files.writeString(folder.resolve(FILE), GSON.toJson(o) + "\n", StandardCharsets.UTF_8);
  }

  /**
   * Reads {@value #FILE} from {@code folder}.
   *
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException if it is not a descriptor of this format and version, or a
   *     field is missing or malformed (the message names it)
   */
  static ClassifierDescriptor read(Path folder) throws IOException {
    String text = Files.readString(folder.resolve(FILE), StandardCharsets.UTF_8);
    JsonObject o;
    try {
      o = JsonParser.parseString(text).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
    }
    String format = string(o, "format");
    int version = integer(o, "version");
    if (!FORMAT.equals(format) || version != VERSION) {
      throw new IllegalArgumentException(
          "format must be " + FORMAT + " version " + VERSION + ", got " + format + " version "
              + version);
    }
    String head = string(o, "head");
    if (!HEAD.equals(head)) {
      throw new IllegalArgumentException("head must be " + HEAD + ", got " + head);
    }
    List<String> labels = new ArrayList<>();
    for (JsonElement e : array(o, "labels")) {
      labels.add(e.getAsString());
    }
    List<LabelMetrics> perLabel = new ArrayList<>();
    for (JsonElement e : array(o, "perLabel")) {
      JsonObject lm = e.getAsJsonObject();
      perLabel.add(
          new LabelMetrics(
              string(lm, "label"),
              number(lm, "precision"),
              number(lm, "recall"),
              number(lm, "f1"),
              integer(lm, "support")));
    }
    Instant createdAt;
    try {
      createdAt = Instant.parse(string(o, "createdAt"));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("createdAt is not an instant: " + e.getMessage(), e);
    }
    ClassifierReport report =
        new ClassifierReport(
            string(o, "name"),
            string(o, "embeddingModel"),
            labels,
            integer(o, "examples"),
            integer(o, "trainExamples"),
            integer(o, "heldOutExamples"),
            number(o, "accuracy"),
            number(o, "macroF1"),
            perLabel,
            integer(o, "epochs"),
            createdAt);
    int dimension = integer(o, "dimension");
    if (labels.size() < 2 || dimension < 1) {
      throw new IllegalArgumentException(
          "a classifier needs 2 or more labels and a positive dimension, got " + labels.size()
              + " and " + dimension);
    }
    return new ClassifierDescriptor(
        report, dimension, number(o, "testFraction"), field(o, "seed").getAsLong());
  }

  private static JsonElement field(JsonObject o, String name) {
    JsonElement e = o.get(name);
    if (e == null || e.isJsonNull()) {
      throw new IllegalArgumentException("field '" + name + "' is missing");
    }
    return e;
  }

  private static String string(JsonObject o, String name) {
    JsonElement e = field(o, name);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw new IllegalArgumentException("field '" + name + "' must be a string, got " + e);
    }
    return e.getAsString();
  }

  private static double number(JsonObject o, String name) {
    JsonElement e = field(o, name);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw new IllegalArgumentException("field '" + name + "' must be a number, got " + e);
    }
    return e.getAsDouble();
  }

  private static int integer(JsonObject o, String name) {
    double d = number(o, name);
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("field '" + name + "' must be an integer, got " + d);
    }
    return (int) d;
  }

  private static JsonArray array(JsonObject o, String name) {
    JsonElement e = field(o, name);
    if (!e.isJsonArray()) {
      throw new IllegalArgumentException("field '" + name + "' must be an array, got " + e);
    }
    return e.getAsJsonArray();
  }
}
