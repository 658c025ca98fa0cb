package dev.solosuccess.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.internal.wire.Problems;
import dev.solosuccess.sdk.internal.wire.Wire;
import dev.solosuccess.sdk.internal.wire.WireMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire format of {@code solo serve}: every value type of the API (and every request body)
 * survives JSON and back equal to itself, read by a mapper that fails on any property it does not
 * know; vectors come back bit for bit (random floats, subnormals and extremes); every exception
 * type comes back from its problem+json as the same type with the same message. A last check lists
 * the records of {@code dev.solosuccess.sdk} and fails for one this test does not cover, so a new
 * value type cannot skip the wire.
 */
class WireRoundTripTest {

  static final JsonMapper STRICT = Wire.strict();
  static final Set<Class<?>> COVERED = new HashSet<>();

  static <T> T roundTrip(T value) {
    COVERED.add(value.getClass());
    byte[] json = Wire.write(value);
    @SuppressWarnings("unchecked")
    T back = (T) STRICT.readValue(json, value.getClass());
    assertThat(back).as(new String(json, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(value);
    return back;
  }

  static final Instant AT = Instant.parse("2026-11-26T08:30:01.123456789Z");
  static final Provenance PROV = new Provenance(3, 10, 42, List.of("Intro", "Scope"));
  static final Metadata META = new Metadata(Map.of(
      "dept", MetadataValue.text("cardiology"),
      "year", MetadataValue.number(2024),
      "ratio", MetadataValue.number(0.1 + 0.2),
      "seen", MetadataValue.date(Instant.parse("0001-02-03T04:05:06.789Z"))));
  static final SearchFilter FILTER = SearchFilter.builder().build().and(new SearchFilter(List.of(
      new SearchFilter.Equals("dept", MetadataValue.text("cardiology")),
      new SearchFilter.In("year", new LinkedHashSet<>(List.of(
          MetadataValue.number(2023), MetadataValue.number(2024.5)))),
      new SearchFilter.Range("seen", MetadataValue.date(Instant.parse("2020-01-01T00:00:00Z")), null),
      new SearchFilter.Range("year", null, MetadataValue.number(-1e300)))));
  static final Principal PRINCIPAL = new Principal(
      "nurse.1@ward", PrincipalKind.values()[PrincipalKind.values().length - 1], Role.READER,
      Set.of("tenant:b", "ward=3"), AT, true);
  static final Document DOC = new Document("doc-1", "/tmp/a b/ü.txt", "text/plain", "ab".repeat(32),
      META, Metadata.of("title", "A title"), 1234, 2, 5, 77, AT);

  @Test
  void valueRecordsRoundTrip(TestInfo test) {
    TestSeed random = TestSeed.random(test);
    Chunk chunk = new Chunk("doc-1#0", "doc-1", 0, "text with \"quotes\" and \u2028 and \uD83D\uDE00",
        12, PROV);
    roundTrip(chunk);
    roundTrip(PROV);
    roundTrip(new Provenance(0, 0, 0));
    roundTrip(DOC);
    roundTrip(META);
    roundTrip(Metadata.empty());
    roundTrip(FILTER);
    FILTER.conditions().forEach(c -> COVERED.add(c.getClass())); // they travel inside filters
    roundTrip(SearchFilter.none());
    roundTrip(SearchFilter.parse(List.of("year>=2020", "dept=a|b", "seen:date=2024-01-05")));
    for (MetadataValue v : META.entries().values()) {
      assertThat(STRICT.readValue(Wire.write(v), MetadataValue.class)).isEqualTo(v);
      COVERED.add(v.getClass());
    }
    SearchRequest request = SearchRequest.builder("refund window").mode(SearchMode.SEMANTIC)
        .limit(17).filter(FILTER).grouping(Grouping.values()[Grouping.values().length - 1]).build();
    roundTrip(request);
    Explanation explanation = new Explanation("rrf", 60, List.of(
        new Explanation.Retriever("lexical", 1, 3.25, 0.016), new Explanation.Retriever("semantic", 0, 0, 0)));
    roundTrip(explanation);
    roundTrip(explanation.retrievers().get(0));
    SearchHit hit = new SearchHit(1, "doc-1", "a.txt", "doc-1#0", 0.1f + 0.7, "snip", PROV, META,
        explanation);
    SearchHit plain = new SearchHit(2, "doc-2", "b.txt", "doc-2#3", 1e-9, "s", PROV,
        Metadata.empty(), null);
    roundTrip(hit);
    roundTrip(new SearchResults(request, List.of(hit, plain), Duration.ofNanos(1_234_567)));
    roundTrip(new SkippedFile("c.bin", "unsupported-format", "no parser"));
    roundTrip(new DuplicateFile("d.txt", "doc-1", "a.txt", true));
    roundTrip(new IngestProgress(3, 9, 40, Duration.ofMillis(1500)));
    Map<IngestStage, Duration> stages = new LinkedHashMap<>();
    stages.put(IngestStage.PARSE, Duration.ofMillis(12));
    stages.put(IngestStage.EMBED, Duration.ofSeconds(3, 7));
    roundTrip(new IngestSummary(List.of(DOC), List.of(DOC), List.of(new SkippedFile("x", "c", "r")),
        List.of(new DuplicateFile("d", "o", "os", false)), 5, 1, 2, stages, Duration.ofSeconds(4)));
    roundTrip(new ErasureReceipt(List.of("doc-1", "doc-2"), 9, 3, 1234, Duration.ofMillis(25)));
    roundTrip(new ModelInfo("bge-small-en-v1.5", 384, 512));
    roundTrip(new Summary("doc-1", List.of(new SummarySentence("One.", 0, 4, 0.9)), 12));
    roundTrip(new SummarySentence("Two.", 5, 9, 1e-300));
    roundTrip(new LabelScore("refund", 0.75));
    roundTrip(new ZeroShotResult(List.of(new LabelScore("a", 0.5), new LabelScore("b", 0.25)), 0.25));
    roundTrip(new Classification("tickets", List.of(new LabelScore("a", 0.5))));
    roundTrip(new LabelMetrics("a", 0.5, 0.25, 1.0 / 3, 7));
    roundTrip(new ClassifierReport("tickets", "bge", List.of("a", "b"), 10, 8, 2, 0.5, 0.4,
        List.of(new LabelMetrics("a", 1, 1, 1, 1)), 60, AT));
    roundTrip(new LabeledText("Where is my parcel?", "shipping"));
    roundTrip(ClassifierTraining.builder("tickets", List.of(new LabeledText("a", "x"),
        new LabeledText("b", "x"), new LabeledText("c", "y"), new LabeledText("d", "y"))).build());
    roundTrip(new PhiSpan(PhiType.values()[random.nextInt(PhiType.values().length)], 3, 9, 3, 9, 0.8));
    roundTrip(new Redaction("Pt [NAME]", List.of(new PhiSpan(PhiType.values()[0], 3, 13, 3, 9, 1))));
    Citation citation = new Citation(1, "doc-1", "a.txt", "doc-1#0", PROV, "sentence");
    roundTrip(citation);
    roundTrip(new Answer("q?", "a.", 0.5, List.of(citation), false, "extractive"));
    roundTrip(AnswerOptions.builder().chunks(7).sentences(3).threshold(0.25)
        .generation(Generation.values()[Generation.values().length - 1]).filter(FILTER).build());
    roundTrip(AnswerOptions.defaults());
    AuditHead head = new AuditHead(42, "0f".repeat(32));
    roundTrip(head);
    roundTrip(new AuditEntry(42, AT, "nurse", "document.read", List.of("doc-1"), "{\"a\":1}",
        "ok", "0f".repeat(32)));
    roundTrip(new AuditVerification(true, 42, OptionalLong.empty(), null, head));
    roundTrip(new AuditVerification(false, 42, OptionalLong.of(7), "hash mismatch", head));
    roundTrip(PRINCIPAL);
    roundTrip(new IssuedKey(PRINCIPAL, "solo_abc.def"));
  }

  @Test
  void vectorsComeBackBitForBit(TestInfo test) {
    TestSeed random = TestSeed.random(test);
    for (int round = 0; round < 200; round++) {
      float[] v = new float[1 + random.nextInt(1024)];
      for (int i = 0; i < v.length; i++) {
        v[i] = switch (random.nextInt(8)) {
          case 0 -> Float.intBitsToFloat(random.nextInt()) % 1e6f; // any bits, kept finite below
          case 1 -> Float.MIN_VALUE * random.nextInt(1000); // subnormals
          case 2 -> random.nextBoolean() ? Float.MAX_VALUE : -Float.MIN_NORMAL;
          case 3 -> -0.0f;
          default -> (float) random.nextGaussian() / 20;
        };
        if (!Float.isFinite(v[i])) {
          v[i] = 1.5f;
        }
      }
      Embedding e = roundTrip(new Embedding("bge-small-en-v1.5", v));
      float[] back = e.vector();
      for (int i = 0; i < v.length; i++) {
        assertThat(Float.floatToRawIntBits(back[i])).as("component " + i + " of round " + round
            + " (" + random + ")").isEqualTo(Float.floatToRawIntBits(v[i]));
      }
    }
  }

  @Test
  void redactionOptionsRoundTripThroughTheirBuilder() {
    RedactionOptions o = RedactionOptions.builder().mode(RedactionMode.values()[1])
        .types(EnumSet.of(PhiType.values()[0], PhiType.values()[2])).hashKey(java.util.HexFormat.of().parseHex("00112233445566778899aabbccddeeff0123456789abcdef"))
        .hashChars(9).generalize(true).minConfidence(0.75).build();
    RedactionOptions back = STRICT.readValue(Wire.write(o), RedactionOptions.class);
    assertThat(back.toString()).isEqualTo(o.toString());
    assertThat(back.mode()).isEqualTo(o.mode());
    assertThat(back.types()).isEqualTo(o.types());
    assertThat(back.hashKey()).isEqualTo(o.hashKey());
    assertThat(back.hashChars()).isEqualTo(9);
    assertThat(back.generalize()).isTrue();
    assertThat(back.minConfidence()).isEqualTo(0.75);
    RedactionOptions d = STRICT.readValue(Wire.write(RedactionOptions.defaults()), RedactionOptions.class);
    assertThat(d.toString()).isEqualTo(RedactionOptions.defaults().toString());
    COVERED.add(RedactionOptions.class);
  }

  @Test
  void requestBodiesRoundTrip() {
    roundTrip(new WireMessages.SourcePart("a.txt", "id-1", "text/plain", META));
    roundTrip(new WireMessages.IngestParts(META, Set.of("tenant:a"),
        List.of(new WireMessages.SourcePart("a.txt", null, null, Metadata.empty()))));
    roundTrip(new WireMessages.Count(12));
    roundTrip(new WireMessages.Text("x\ny"));
    roundTrip(new WireMessages.EraseWhere("patient_id", "p-1"));
    roundTrip(new WireMessages.Embed(List.of("a", "b"), EmbeddingKind.QUERY));
    roundTrip(new WireMessages.Summarize("doc-1", 3));
    roundTrip(new WireMessages.ZeroShot("t", Map.of("a", "about a", "b", "about b")));
    roundTrip(new WireMessages.Classify("tickets", List.of("t")));
    roundTrip(new WireMessages.Ask("q?", AnswerOptions.defaults()));
    roundTrip(new WireMessages.AddUser("n", Role.WRITER, Set.of("l"), PrincipalKind.PERSON));
    roundTrip(new WireMessages.BreakGlass("unconscious patient", Duration.ofMinutes(30)));
    roundTrip(new WireMessages.BreakGlassSession("tok", AT));
  }

  @Test
  void requestsTakeTheBuildersDefaultsForWhatTheyLeaveOut() {
    assertThat(Wire.read("{\"query\":\"refund window\"}".getBytes(), SearchRequest.class))
        .isEqualTo(SearchRequest.of("refund window"));
    assertThat(Wire.read("{}".getBytes(), AnswerOptions.class)).isEqualTo(AnswerOptions.defaults());
    assertThat(Wire.read("{\"query\":\"q\",\"filter\":[{\"op\":\"eq\",\"key\":\"dept\",\"value\":\"x\"}]}"
        .getBytes(), SearchRequest.class).filter())
        .isEqualTo(SearchFilter.builder().build().and(SearchFilter.parse(List.of("dept=x"))));
    assertThatThrownBy(() -> Wire.read("{\"query\":\"q\",\"mode\":\"FUZZY\"}".getBytes(), SearchRequest.class))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("FUZZY");
    assertThatThrownBy(() -> Wire.read("{\"query\":\"q\",\"limit\":2.5}".getBytes(), SearchRequest.class))
        .isInstanceOf(InvalidInputException.class).hasMessage("limit must be a whole number, got 2.5");
  }

  @Test
  void badValuesAreRefusedWithTheSdksOwnMessages() {
    assertThatThrownBy(() -> Wire.read(
        "{\"query\":\" \",\"mode\":\"HYBRID\",\"limit\":10,\"filter\":null,\"grouping\":\"DOCUMENT\"}"
            .getBytes(), SearchRequest.class))
        .isInstanceOf(InvalidInputException.class).hasMessage("query must not be blank");
    assertThatThrownBy(() -> Wire.read(("{\"query\":\"q\",\"mode\":\"HYBRID\",\"limit\":0,"
        + "\"filter\":{\"conditions\":[]},\"grouping\":\"DOCUMENT\"}").getBytes(), SearchRequest.class))
        .isInstanceOf(InvalidInputException.class).hasMessage("limit must be in 1..1000, got 0");
    assertThatThrownBy(() -> Wire.read(
        "{\"conditions\":[{\"op\":\"range\",\"key\":\"y\",\"min\":null,\"max\":null}]}".getBytes(),
        SearchFilter.class))
        .isInstanceOf(InvalidInputException.class).hasMessage("range on 'y' needs a lower or upper bound");
    assertThatThrownBy(() -> Wire.read("{\"secret patient text".getBytes(), SearchRequest.class))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("malformed JSON for SearchRequest")
        .message().doesNotContain("secret");
  }

  @Test
  void problemsAreReadBackAsTheEnginesExceptions() {
    // bodies as the wire contract lays them out; ProblemWireTest (engine) checks the server's own
    assertThat(Problems.exception(404, ("{\"type\":\"https://solosuccess.dev/problems/not-found\","
        + "\"title\":\"Not found\",\"status\":404,\"detail\":\"no document with id 'd-1'\","
        + "\"code\":\"not-found\",\"kind\":\"document\",\"id\":\"d-1\"}").getBytes()))
        .isExactlyInstanceOf(NotFoundException.class).hasMessage("no document with id 'd-1'")
        .satisfies(e -> assertThat(((NotFoundException) e).id()).isEqualTo("d-1"));
    assertThat(Problems.exception(429, ("{\"code\":\"limit-exceeded\",\"detail\":\"slow down\","
        + "\"limit\":\"requestsPerSecond\",\"limitValue\":50,\"retryAfterSeconds\":2}").getBytes()))
        .isExactlyInstanceOf(LimitExceededException.class).hasMessage("slow down")
        .satisfies(e -> assertThat(((LimitExceededException) e).retryAfter()).contains(Duration.ofSeconds(2)));
    assertThat(Problems.exception(503, "{\"code\":\"closed\",\"detail\":\"engine is closed\"}".getBytes()))
        .isExactlyInstanceOf(ClosedException.class).hasMessage("engine is closed");
    assertThat(Problems.exception(401, "{\"code\":\"unauthenticated\",\"detail\":\"no key\"}".getBytes()))
        .isExactlyInstanceOf(AccessDeniedException.class).hasMessage("no key");
    assertThat(Problems.exception(401, "<html>login</html>".getBytes()))
        .isExactlyInstanceOf(AccessDeniedException.class);
    assertThat(Problems.exception(502, "<html>bad gateway</html>".getBytes()))
        .isExactlyInstanceOf(SoloException.class).hasMessageContaining("502");
    assertThat(Problems.exception(500, "{\"code\":\"something-new\",\"detail\":\"x\"}".getBytes()))
        .isExactlyInstanceOf(SoloException.class).hasMessage("x");
  }

  @Test
  void everyValueRecordOfTheApiIsCovered(TestInfo test) throws IOException {
    valueRecordsRoundTrip(test);
    requestBodiesRoundTrip();
    Path classes = Path.of(Document.class.getProtectionDomain().getCodeSource().getLocation().getPath())
        .resolve("dev/solosuccess/sdk");
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.list(classes)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".class")) {
          continue;
        }
        Class<?> c;
        try {
          c = Class.forName("dev.solosuccess.sdk." + name.substring(0, name.length() - 6));
        } catch (ClassNotFoundException e) {
          throw new AssertionError(e);
        }
        // IngestRequest holds paths and a listener: it never travels (the client walks it)
        if (c.isRecord() && java.lang.reflect.Modifier.isPublic(c.getModifiers())
            && c != IngestRequest.class && !COVERED.contains(c)) {
          missing.add(c.getName());
        }
      }
    }
    assertThat(missing).as("value records without a wire round trip").isEmpty();
  }
}
