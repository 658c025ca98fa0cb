package dev.solosuccess.engine.internal.classify;

import dev.solosuccess.engine.internal.crypto.FileSeal;
import dev.solosuccess.sdk.ClassifierReport;
import dev.solosuccess.sdk.LabelMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

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

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** Writes {@value #FILE} into {@code folder}, sealed when the data folder is encrypted. */
  void write(Path folder, FileSeal seal) throws IOException {
    ClassifierReport r = report;
    ObjectNode o = MAPPER.createObjectNode();
    o.put("format", FORMAT);
    o.put("version", VERSION);
    o.put("name", r.name());
    o.put("head", HEAD);
    o.put("embeddingModel", r.embeddingModel());
    o.put("dimension", dimension);
    ArrayNode labels = o.putArray("labels");
    r.labels().forEach(labels::add);
    o.put("examples", r.examples());
    o.put("trainExamples", r.trainExamples());
    o.put("heldOutExamples", r.heldOutExamples());
    o.put("accuracy", r.accuracy());
    o.put("macroF1", r.macroF1());
    ArrayNode perLabel = o.putArray("perLabel");
    for (LabelMetrics m : r.perLabel()) {
      ObjectNode lm = perLabel.addObject();
      lm.put("label", m.label());
      lm.put("precision", m.precision());
      lm.put("recall", m.recall());
      lm.put("f1", m.f1());
      lm.put("support", m.support());
    }
    o.put("epochs", r.epochs());
    o.put("testFraction", testFraction);
    o.put("seed", seed);
    o.put("createdAt", r.createdAt().toString());
    seal.write(
        folder.resolve(FILE),
        (MAPPER.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads {@value #FILE} from {@code folder}.
   *
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException if it is not a descriptor of this format and version, or a
   *     field is missing or malformed (the message names it)
   */
  static ClassifierDescriptor read(Path folder, FileSeal seal) throws IOException {
    String text = new String(seal.read(folder.resolve(FILE)), StandardCharsets.UTF_8);
    JsonNode o;
    try {
      o = MAPPER.readTree(text);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
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
    for (JsonNode e : array(o, "labels")) {
      if (!e.isString()) {
        throw new IllegalArgumentException("labels must hold strings, got " + e);
      }
      labels.add(e.asString());
    }
    List<LabelMetrics> perLabel = new ArrayList<>();
    for (JsonNode lm : array(o, "perLabel")) {
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
        report, dimension, number(o, "testFraction"), integral(o, "seed"));
  }

  private static JsonNode field(JsonNode o, String name) {
    JsonNode e = o.get(name);
    if (e == null || e.isNull()) {
      throw new IllegalArgumentException("field '" + name + "' is missing");
    }
    return e;
  }

  private static String string(JsonNode o, String name) {
    JsonNode e = field(o, name);
    if (!e.isString()) {
      throw new IllegalArgumentException("field '" + name + "' must be a string, got " + e);
    }
    return e.asString();
  }

  private static double number(JsonNode o, String name) {
    JsonNode e = field(o, name);
    if (!e.isNumber()) {
      throw new IllegalArgumentException("field '" + name + "' must be a number, got " + e);
    }
    return e.asDouble();
  }

  private static long integral(JsonNode o, String name) {
    JsonNode e = field(o, name);
    if (!e.isIntegralNumber() || !e.canConvertToLong()) {
      throw new IllegalArgumentException("field '" + name + "' must be an integer, got " + e);
    }
    return e.asLong();
  }

  private static int integer(JsonNode o, String name) {
    long v = integral(o, name);
    if (Math.abs(v) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("field '" + name + "' is out of range, got " + v);
    }
    return (int) v;
  }

  private static JsonNode array(JsonNode o, String name) {
    JsonNode e = field(o, name);
    if (!e.isArray()) {
      throw new IllegalArgumentException("field '" + name + "' must be an array, got " + e);
    }
    return e;
  }
}
