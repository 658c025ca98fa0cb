package dev.solosuccess.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataValueTest {

  @ParameterizedTest
  @CsvSource({
    "2024, 2024",
    "-7, -7",
    "+7, 7",
    "007, 7",
    "2.50, 2.5",
    "-0.0, 0",
    "0.000, 0",
    ".5, 0.5",
    "3., 3",
    "2e3, 2000",
    "1E-5, 1.0E-5",
    "999999999999999, 999999999999999",
    "1000000000000000, 1.0E15",
    "-1e15, -1.0E15",
    "123456789.125, 1.23456789125E8"
  })
  void numbersAreInferredAndPrintCanonically(String raw, String canonical) {
    MetadataValue v = MetadataValue.parse(raw);

    assertThat(v).isInstanceOf(MetadataValue.Number.class);
    assertThat(v.type()).isEqualTo("number");
    assertThat(v.asString()).isEqualTo(canonical);
    assertThat(MetadataValue.parse(v.asString())).as("canonical form parses back").isEqualTo(v);
  }

  @ParameterizedTest
  @CsvSource({
    "2024-01-05, 2024-01-05T00:00:00Z",
    "2024-01-05T10:15:30Z, 2024-01-05T10:15:30Z",
    "2024-01-05T10:15Z, 2024-01-05T10:15:00Z",
    "2024-01-05T10:15:30.250Z, 2024-01-05T10:15:30.250Z",
    "2024-01-05T10:15:30.123456789Z, 2024-01-05T10:15:30.123Z",
    "2024-01-05T01:00:00+02:00, 2024-01-04T23:00:00Z",
    "0000-01-01, 0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999Z, 9999-12-31T23:59:59.999Z"
  })
  void datesAreInferredAsUtcInstantsToTheMillisecond(String raw, String canonical) {
    MetadataValue v = MetadataValue.parse(raw);

    assertThat(v).isInstanceOf(MetadataValue.Date.class);
    assertThat(v.type()).isEqualTo("date");
    assertThat(v.asString()).isEqualTo(canonical);
    assertThat(MetadataValue.parse(v.asString())).isEqualTo(v);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "support",
        "1.2.3",
        "12abc",
        "0x1F",
        "NaN",
        "Infinity",
        "-Infinity",
        "1e999",
        "1,5",
        "2024-13-01",
        "2024-02-30",
        "2024-01-05T10:00:00",
        "2024-01-05 10:00",
        "2024/01/05",
        "--5",
        "e5"
      })
  void everythingElseIsText(String raw) {
    MetadataValue v = MetadataValue.parse(raw);

    assertThat(v).isEqualTo(new MetadataValue.Text(raw));
    assertThat(v.type()).isEqualTo("string");
    assertThat(v.asString()).isEqualTo(raw);
  }

  @Test
  void explicitTypesParseOrSayWhyNot() {
    assertThat(MetadataValue.parse("string", "00123")).isEqualTo(MetadataValue.text("00123"));
    assertThat(MetadataValue.parse("number", " 42 ")).isEqualTo(MetadataValue.number(42));
    assertThat(MetadataValue.parse("Date", "2024-01-05"))
        .isEqualTo(MetadataValue.date(Instant.parse("2024-01-05T00:00:00Z")));

    assertThatThrownBy(() -> MetadataValue.parse("number", "abc"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage("'abc' is not a number");
    assertThatThrownBy(() -> MetadataValue.parse("number", "1e999"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage("'1e999' is not a finite number");
    assertThatThrownBy(() -> MetadataValue.parse("date", "yesterday"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("'yesterday' is not a date");
    assertThatThrownBy(() -> MetadataValue.parse("date", "+10000-01-01T00:00:00Z"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("years 0000 to 9999");
    assertThatThrownBy(() -> MetadataValue.parse("bool", "true"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage("metadata type must be string, number or date, got 'bool'");
  }

  @Test
  void nonFiniteNumbersAndOutOfRangeDatesAreRefused() {
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      assertThatThrownBy(() -> MetadataValue.number(bad))
          .isExactlyInstanceOf(InvalidInputException.class)
          .hasMessage("metadata number must be finite, got " + bad);
    }
    assertThatThrownBy(() -> MetadataValue.date(Instant.MAX))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("years 0000 to 9999");
    assertThatThrownBy(() -> MetadataValue.date(null))
        .isExactlyInstanceOf(InvalidInputException.class);
  }

  @Test
  void textIsCheckedLikeMetadataValues() {
    assertThatThrownBy(() -> MetadataValue.text("x".repeat(1025)))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("got 1025");
    assertThatThrownBy(() -> MetadataValue.text("a\tb"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("control character at index 1");
    assertThatThrownBy(() -> MetadataValue.text(null))
        .isExactlyInstanceOf(InvalidInputException.class);
  }

  @Test
  void negativeZeroIsZero() {
    assertThat(MetadataValue.number(-0.0)).isEqualTo(MetadataValue.number(0.0));
    assertThat(MetadataValue.number(-0.0).asString()).isEqualTo("0");
  }

  @Test
  void randomFiniteNumbersSurviveTheirCanonicalForm(TestInfo info) {
    TestSeed random = TestSeed.random(info);
    for (int i = 0; i < 10_000; i++) {
      double d =
          switch (i % 3) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> (double) (random.nextLong() % 2_000_000_000_000_000L);
            default -> Math.round(random.nextGaussian() * 1e6) / 100.0;
          };
      if (!Double.isFinite(d)) {
        continue;
      }
      MetadataValue.Number n = new MetadataValue.Number(d);
      assertThat(MetadataValue.parse(n.asString())).as("%s (%s)", d, random).isEqualTo(n);
      assertThat(MetadataValue.parse("number", n.asString())).isEqualTo(n);
    }
  }

  @Test
  void randomDatesSurviveTheirCanonicalForm(TestInfo info) {
    TestSeed random = TestSeed.random(info);
    long min = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
    long max = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
    for (int i = 0; i < 10_000; i++) {
      long millis = min + Math.floorMod(random.nextLong(), max - min + 1);
      MetadataValue.Date d = new MetadataValue.Date(Instant.ofEpochMilli(millis));
      assertThat(MetadataValue.parse(d.asString())).as("%s (%s)", d, random).isEqualTo(d);
    }
  }
}
