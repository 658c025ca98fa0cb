package dev.solosuccess.engine.internal.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.PhiSpan;
import dev.solosuccess.sdk.PhiType;
import dev.solosuccess.sdk.Redaction;
import dev.solosuccess.sdk.RedactionMode;
import dev.solosuccess.sdk.RedactionOptions;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What each recognizer finds and leaves, and how each mode replaces. */
class DeidentifierTest {

  static Deidentifier d;

  @BeforeAll
  static void load() {
    d = Deidentifier.create();
  }

  /** Found values by type, as the original text spells them. */
  static Map<PhiType, List<String>> found(String text) {
    Redaction r = d.redact(text, RedactionOptions.defaults());
    return r.spans().stream().collect(Collectors.groupingBy(PhiSpan::type,
        Collectors.mapping(s -> text.substring(s.start(), s.end()), Collectors.toList())));
  }

  static String masked(String text) {
    return d.redact(text, RedactionOptions.defaults()).text();
  }

  @Test
  void ssnNeedsValidRulesOrAnSsnWord() {
    assertThat(found("SSN: 123-45-6789").get(PhiType.SSN)).containsExactly("123-45-6789");
    assertThat(found("ref 123-45-6789 on file").get(PhiType.SSN)).containsExactly("123-45-6789");
    assertThat(found("ref 666-45-6789 on file")).isEmpty();
    assertThat(found("ref 123-00-6789 on file")).isEmpty();
    assertThat(found("SSN 123456789").get(PhiType.SSN)).containsExactly("123456789");
    assertThat(found("order 123456789 shipped")).doesNotContainKey(PhiType.SSN);
    // invalid, but after "SSN" it still identifies someone
    assertThat(found("SSN: 000-12-3456").get(PhiType.OTHER_ID)).containsExactly("000-12-3456");
  }

  @Test
  void phoneSpellingsAndFaxByItsCue() {
    for (String phone : List.of("555-123-4567", "(555) 123 4567", "+1 555.123.4567",
        "(555) 123-4567", "1-555-123-4567", "555 123 4567", "555-123-4567 ext. 204")) {
      assertThat(found("Call back at " + phone + " today").get(PhiType.PHONE))
          .as(phone).containsExactly(phone);
    }
    Map<PhiType, List<String>> both = found("Tel. (555) 123-4567   Fax. 555-987-6543");
    assertThat(both.get(PhiType.PHONE)).containsExactly("(555) 123-4567");
    assertThat(both.get(PhiType.FAX)).containsExactly("555-987-6543");
    assertThat(found("Records faxed to 555.987.6543.").get(PhiType.FAX))
        .containsExactly("555.987.6543");
    assertThat(found("cell 5551234567").get(PhiType.PHONE)).containsExactly("5551234567");
    assertThat(found("order 5551234567 shipped")).isEmpty();
  }

  @Test
  void datesWithAnyElementButTheYear() {
    for (String date : List.of("03/04/2019", "3/4/19", "2019-03-04", "March 4th 2019",
        "March 4, 2019", "4 Mar 2019", "4th of March, 2019", "04-Mar-2019", "March 2019",
        "04.03.2019", "Mar. 4 2019")) {
      assertThat(found("Seen " + date + " in clinic").get(PhiType.DATE)).as(date)
          .containsExactly(date);
    }
    assertThat(found("Next visit on 3/14.").get(PhiType.DATE)).containsExactly("3/14");
  }

  @Test
  void yearsScoresDosesAndCodesAreNotDates() {
    String text = "Diagnosed in 2019, since 1998. BP 120/80, pain 7/10, strength 5/5, take 1/2"
        + " tab. E11.9, I10, J44.1. Hgb 12.4 g/dL, Cr 1.2, A1c 7.2%. metformin 500 mg BID."
        + " Lot exp 11/2026. CPT 99214. Version 2.1.3.";
    assertThat(found(text)).isEmpty();
  }

  @Test
  void agesOverEightyNineOnly() {
    assertThat(found("a 92-year-old woman").get(PhiType.AGE)).containsExactly("92");
    assertThat(found("Age: 101").get(PhiType.AGE)).containsExactly("101");
    assertThat(found("93 y/o man").get(PhiType.AGE)).containsExactly("93");
    assertThat(found("a 67-year-old woman, aged 89")).isEmpty();
  }

  @Test
  void contactAndNetworkIdentifiers() {
    Map<PhiType, List<String>> f = found("Email ana.ruiz@example.org or see"
        + " https://portal.example.org/p/123. Logged in from 10.4.22.118 and"
        + " 2001:db8:85a3::8a2e:370:7334; also www.example.com.");
    assertThat(f.get(PhiType.EMAIL)).containsExactly("ana.ruiz@example.org");
    assertThat(f.get(PhiType.URL)).containsExactly("https://portal.example.org/p/123",
        "www.example.com");
    assertThat(f.get(PhiType.IP_ADDRESS)).containsExactly("10.4.22.118",
        "2001:db8:85a3::8a2e:370:7334");
    assertThat(found("Doxy.me and e.g. St.Louis, version 1.2")).isEmpty();
  }

  @Test
  void identifiersByContextWordsAndChecksums() {
    Map<PhiType, List<String>> f = found("MRN: 00482913. Member ID XQK4410293. Acct #"
        + " 4482-119-03. DL: D1234567. VIN 1HGCM82633A004352, license plate 7ABC123."
        + " Pacemaker serial number PM-88231-X. Fingerprint template ID FP-882913."
        + " NPI 1234567893. Accession #: S19-48213. Card 4111 1111 1111 1111."
        + " UDI (01)00643169007222(17)250101.");
    assertThat(f.get(PhiType.MRN)).containsExactly("00482913");
    assertThat(f.get(PhiType.HEALTH_PLAN)).containsExactly("XQK4410293");
    assertThat(f.get(PhiType.ACCOUNT)).containsExactly("4482-119-03", "4111 1111 1111 1111");
    assertThat(f.get(PhiType.LICENSE)).containsExactly("D1234567");
    assertThat(f.get(PhiType.VEHICLE)).containsExactly("1HGCM82633A004352", "7ABC123");
    assertThat(f.get(PhiType.DEVICE)).containsExactly("PM-88231-X",
        "(01)00643169007222(17)250101");
    assertThat(f.get(PhiType.BIOMETRIC)).containsExactly("FP-882913");
    assertThat(f.get(PhiType.OTHER_ID)).containsExactly("1234567893", "S19-48213");
    // a VIN with a wrong check digit and no cue, a Luhn-invalid 16-digit number
    assertThat(found("part 1HGCM82643A004352 and 4111 1111 1111 1112")).isEmpty();
  }

  @Test
  void addressesCitiesAndZips() {
    Map<PhiType, List<String>> f = found("Home address: 42 N. Elm Street, Apt 3B, Springfield,"
        + " IL 62704. Mail to PO Box 1234. She lives with her daughter in Ann Arbor. Moved from"
        + " Cook County.");
    assertThat(f.get(PhiType.STREET_ADDRESS)).containsExactly("42 N. Elm Street, Apt 3B",
        "PO Box 1234");
    assertThat(f.get(PhiType.CITY)).containsExactly("Springfield", "Ann Arbor", "Cook County");
    assertThat(f.get(PhiType.ZIP)).containsExactly("62704");
    assertThat(found("Jane Roe, MD")).doesNotContainKey(PhiType.CITY);
  }

  @Test
  void namesByTitleLabelListsAndPropagation() {
    assertThat(found("Seen by Dr. Kamaka today.").get(PhiType.NAME)).containsExactly("Kamaka");
    assertThat(found("Patient: SMITH, JOHN A.").get(PhiType.NAME)).containsExactly(
        "SMITH, JOHN A.");
    assertThat(found("Follow-up with Maria Gonzalez next week.").get(PhiType.NAME))
        .containsExactly("Maria Gonzalez");
    assertThat(found("Electronically signed by Ana Ruiz, MD").get(PhiType.NAME))
        .containsExactly("Ana Ruiz");
    assertThat(found("Mrs. Xiong was admitted. Xiong denies pain.").get(PhiType.NAME))
        .containsExactly("Xiong", "Xiong");
    assertThat(found("Her daughter, Björn Pollot, called.").get(PhiType.NAME))
        .containsExactly("Björn Pollot");
  }

  @Test
  void capitalizedClinicalWordsAreNotNames() {
    String text = "Parkinson's disease and Hashimoto thyroiditis. Foley catheter removed."
        + " Cardiology recommended Eliquis; Lipitor was switched to Crestor. Transferred from"
        + " St. Mary's Hospital. Glasgow Coma Scale 15. Will follow up in June. May return"
        + " sooner. Na 138, K 4.1. Patient lives in Virginia. Brown discharge noted.";
    assertThat(found(text).get(PhiType.NAME)).isNull();
  }

  @Test
  void offsetsAreUtf16IndicesOfTheOriginalEvenAfterAccentsAndEmoji() {
    String text = "Überweisung 😀 für José Núñez 😀, Tel. 555-123-4567, DOB 03/04/1950 ✓";
    Redaction r = d.redact(text, RedactionOptions.defaults());
    assertThat(r.spans()).extracting(s -> text.substring(s.start(), s.end()))
        .containsExactly("José Núñez", "555-123-4567", "03/04/1950");
    for (PhiSpan s : r.spans()) {
      assertThat(r.text().substring(s.redactedStart(), s.redactedEnd()))
          .isEqualTo("[" + s.type().label() + "]");
      assertThat(s.length()).isEqualTo(s.end() - s.start());
    }
    assertThat(r.text()).isEqualTo("Überweisung 😀 für [NAME] 😀, Tel. [PHONE], DOB [DATE] ✓");
    assertThat(new String(r.text().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .isEqualTo(r.text());
  }

  @Test
  void pseudonymsAreConsistentWithinOneText() {
    String text = "John Smith called from (555) 123-4567. Ana Ruiz too. Later John  Smith"
        + " called again from 555.123.4567.";
    Redaction r = d.redact(text, RedactionOptions.builder().mode(RedactionMode.PSEUDONYM).build());
    assertThat(r.text()).isEqualTo("[NAME-1] called from [PHONE-1]. [NAME-2] too. Later"
        + " [NAME-1] called again from [PHONE-1].");
  }

  @Test
  void keyedHashesDependOnTheKeyAndTheValueOnly() {
    byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    byte[] other = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    RedactionOptions hash = RedactionOptions.builder().mode(RedactionMode.HASH).hashKey(key)
        .build();
    String a = d.redact("Seen by Dr. Ana Ruiz.", hash).text();
    String b = d.redact("Dr. Ana Ruiz again.", hash).text();
    assertThat(a).matches("Seen by Dr\\. \\[NAME:[0-9a-f]{6}\\]\\.");
    assertThat(a.substring(12, 25)).isEqualTo(b.substring(4, 17));
    String c = d.redact("Seen by Dr. Ana Ruiz.",
        RedactionOptions.builder().mode(RedactionMode.HASH).hashKey(other).build()).text();
    assertThat(c).isNotEqualTo(a);
    assertThatThrownBy(() -> RedactionOptions.builder().mode(RedactionMode.HASH).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("hashKey");
    assertThatThrownBy(() -> RedactionOptions.builder().hashKey(new byte[8]).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("16 bytes");
    assertThat(hash.toString()).doesNotContain("0123456789abcdef").contains("32 bytes");
  }

  @Test
  void generalizeKeepsWhatSafeHarborAllows() {
    RedactionOptions g = RedactionOptions.builder().generalize(true).build();
    assertThat(d.redact("Springfield, IL 62704. Seen March 4th 2019. A 94-year-old.", g).text())
        .isEqualTo("[CITY], IL 627XX. Seen 2019. A 90+-year-old.");
    assertThat(d.redact("Burlington, VT 05901 and Moab, UT 84532", g).text())
        .as("059 and 845: 059 is one of the 17 small areas")
        .isEqualTo("[CITY], VT 000XX and [CITY], UT 845XX");
  }

  @Test
  void typesAndConfidenceFilter() {
    String text = "Dr. Ana Ruiz, 555-123-4567, 03/04/2019";
    RedactionOptions names = RedactionOptions.builder().types(EnumSet.of(PhiType.NAME)).build();
    assertThat(d.redact(text, names).text()).isEqualTo("Dr. [NAME], 555-123-4567, 03/04/2019");
    RedactionOptions strict = RedactionOptions.builder().minConfidence(0.99).build();
    assertThat(d.redact(text, strict).text()).isEqualTo(text);
  }

  @Test
  void nullAndHugeTextsAreRefused() {
    assertThatThrownBy(() -> d.redact(null, RedactionOptions.defaults()))
        .isInstanceOf(InvalidInputException.class);
    assertThat(d.redact("", RedactionOptions.defaults()).spans()).isEmpty();
  }

  @Test
  void offsetMapMovesRangesBothWays() {
    String text = "Pt John Smith seen 03/04/2019 by Dr. Ana Ruiz.";
    Redaction r = d.redact(text, RedactionOptions.defaults());
    OffsetMap map = new OffsetMap(r.spans());
    for (PhiSpan s : r.spans()) {
      assertThat(map.toRedacted(s.start(), false)).isEqualTo(s.redactedStart());
      assertThat(map.toRedacted(s.end(), true)).isEqualTo(s.redactedEnd());
      assertThat(map.toOriginal(s.redactedStart(), false)).isEqualTo(s.start());
      assertThat(map.toOriginal(s.redactedEnd(), true)).isEqualTo(s.end());
      // inside a span: a start goes to its start, an end to its end
      assertThat(map.toRedacted(s.start() + 1, false)).isEqualTo(s.redactedStart());
      assertThat(map.toRedacted(s.start() + 1, true)).isEqualTo(s.redactedEnd());
    }
    assertThat(map.toRedacted(0, false)).isZero();
    assertThat(map.toRedacted(text.length(), true)).isEqualTo(r.text().length());
    assertThat(map.toOriginal(r.text().length(), true)).isEqualTo(text.length());
  }
}
