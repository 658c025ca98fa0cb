package dev.solosuccess.cli.internal;

import dev.solosuccess.sdk.Chunk;
import dev.solosuccess.sdk.Explanation;
import dev.solosuccess.sdk.ClassifierReport;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.LabelMetrics;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.MetadataValue;
import dev.solosuccess.sdk.Provenance;
import dev.solosuccess.sdk.SearchFilter;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SkippedFile;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON shapes the CLI prints with {@code --json}: explicit, so that they stay stable for scripts
 * when the Java types change.
 */
final class Json {

  static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Parses JSON the engine wrote (audit details); a malformed text comes back as a string. */
  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (tools.jackson.core.JacksonException e) {
      return MAPPER.getNodeFactory().stringNode(json);
    }
  }

  static String write(ObjectNode node) {
    return MAPPER.writeValueAsString(node);
  }

  static ObjectNode document(Document d) {
    ObjectNode n = object();
    n.put("id", d.id());
    n.put("source", d.source());
    n.put("mediaType", d.mediaType());
    n.put("sha256", d.sha256());
    n.put("characters", d.characters());
    n.put("pages", d.pages());
    n.put("chunks", d.chunks());
    n.put("sequence", d.sequence());
    n.put("ingestedAt", d.ingestedAt().toString());
    n.set("metadata", metadata(d.metadata()));
    n.set("extracted", metadata(d.extracted()));
    return n;
  }

  /** Numbers as JSON numbers (integral ones as integers), dates as ISO-8601 instants. */
  static ObjectNode metadata(Metadata m) {
    ObjectNode n = object();
    for (Map.Entry<String, MetadataValue> e : m.entries().entrySet()) {
      n.set(e.getKey(), value(e.getValue()));
    }
    return n;
  }

  static JsonNode value(MetadataValue v) {
    return switch (v) {
      case MetadataValue.Number num ->
          num.value() == Math.rint(num.value()) && Math.abs(num.value()) < 1e15
              ? MAPPER.getNodeFactory().numberNode((long) num.value())
              : MAPPER.getNodeFactory().numberNode(num.value());
      case MetadataValue.Date date -> MAPPER.getNodeFactory().stringNode(date.asString());
      case MetadataValue.Text text -> MAPPER.getNodeFactory().stringNode(text.value());
    };
  }

  /**
   * One object per condition: {@code {"key", "op": "equals", "value"}}, {@code {"key", "op": "in",
   * "values"}} or {@code {"key", "op": "range", "min", "max"}} (null for an open bound).
   */
  static ArrayNode filter(SearchFilter f) {
    ArrayNode a = MAPPER.createArrayNode();
    for (SearchFilter.Condition c : f.conditions()) {
      ObjectNode n = a.addObject();
      n.put("key", c.key());
      switch (c) {
        case SearchFilter.Equals e -> {
          n.put("op", "equals");
          n.set("value", value(e.value()));
        }
        case SearchFilter.In in -> {
          n.put("op", "in");
          ArrayNode values = n.putArray("values");
          in.values().forEach(v -> values.add(value(v)));
        }
        case SearchFilter.Range r -> {
          n.put("op", "range");
          n.set("min", r.min() == null ? MAPPER.getNodeFactory().nullNode() : value(r.min()));
          n.set("max", r.max() == null ? MAPPER.getNodeFactory().nullNode() : value(r.max()));
        }
      }
    }
    return a;
  }

  static void provenance(ObjectNode n, Provenance p) {
    if (p.hasPage()) {
      n.put("page", p.page());
    } else {
      n.putNull("page");
    }
    n.put("startOffset", p.startOffset());
    n.put("endOffset", p.endOffset());
    ArrayNode section = n.putArray("section");
    p.section().forEach(section::add);
  }

  static ObjectNode hit(SearchHit h) {
    ObjectNode n = object();
    n.put("rank", h.rank());
    n.put("documentId", h.documentId());
    n.put("source", h.source());
    n.put("chunkId", h.chunkId());
    n.put("score", h.score());
    n.put("snippet", h.snippet());
    provenance(n, h.provenance());
    n.set("metadata", metadata(h.metadata()));
    return n;
  }

  /** How a hit's score was made: {method, parameter, retrievers: [{name, rank, score, contribution}]}. */
  static ObjectNode explanation(Explanation e) {
    ObjectNode n = object();
    n.put("method", e.method());
    n.put("parameter", e.parameter());
    ArrayNode retrievers = n.putArray("retrievers");
    for (Explanation.Retriever r : e.retrievers()) {
      ObjectNode o = retrievers.addObject();
      o.put("name", r.name());
      o.put("rank", r.rank());
      o.put("score", r.score());
      o.put("contribution", r.contribution());
    }
    return n;
  }

  static ObjectNode chunk(Chunk c) {
    ObjectNode n = object();
    n.put("id", c.id());
    n.put("index", c.index());
    n.put("tokens", c.tokens());
    provenance(n, c.provenance());
    n.put("text", c.text());
    return n;
  }

  static ObjectNode skipped(SkippedFile s) {
    ObjectNode n = object();
    n.put("source", s.source());
    n.put("code", s.code());
    n.put("reason", s.reason());
    return n;
  }

  static ArrayNode vector(float[] v) {
    ArrayNode a = MAPPER.createArrayNode();
    for (float x : v) {
      a.add(x);
    }
    return a;
  }

  /** A trained classifier as {@code solo classify train --json} and {@code list --json} print it. */
  static ObjectNode classifier(ClassifierReport r) {
    ObjectNode n = object();
    n.put("name", r.name());
    n.put("embeddingModel", r.embeddingModel());
    ArrayNode labels = n.putArray("labels");
    r.labels().forEach(labels::add);
    n.put("examples", r.examples());
    n.put("trainExamples", r.trainExamples());
    n.put("heldOutExamples", r.heldOutExamples());
    n.put("accuracy", r.accuracy());
    n.put("macroF1", r.macroF1());
    ArrayNode perLabel = n.putArray("perLabel");
    for (LabelMetrics m : r.perLabel()) {
      ObjectNode o = perLabel.addObject();
      o.put("label", m.label());
      o.put("precision", m.precision());
      o.put("recall", m.recall());
      o.put("f1", m.f1());
      o.put("support", m.support());
    }
    n.put("epochs", r.epochs());
    n.put("createdAt", r.createdAt().toString());
    return n;
  }
}
