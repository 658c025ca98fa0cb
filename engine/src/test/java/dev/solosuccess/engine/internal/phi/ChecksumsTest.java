package dev.solosuccess.engine.internal.phi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecksumsTest {

  @Test
  void ssnRulesRejectImpossibleAreasGroupsAndSerials() {
    assertThat(Checksums.ssn("123456789")).isTrue();
    assertThat(Checksums.ssn("899451234")).isTrue();
    assertThat(Checksums.ssn("000451234")).as("area 000").isFalse();
    assertThat(Checksums.ssn("666451234")).as("area 666").isFalse();
    assertThat(Checksums.ssn("900451234")).as("area 9xx").isFalse();
    assertThat(Checksums.ssn("999451234")).as("area 9xx").isFalse();
    assertThat(Checksums.ssn("123001234")).as("group 00").isFalse();
    assertThat(Checksums.ssn("123450000")).as("serial 0000").isFalse();
    assertThat(Checksums.ssn("12345678")).as("8 digits").isFalse();
  }

  @Test
  void luhnChecksCardNumbers() {
    assertThat(Checksums.luhn("4111111111111111")).isTrue();
    assertThat(Checksums.luhn("4111111111111112")).isFalse();
    assertThat(Checksums.luhn("79927398713")).isTrue();
    assertThat(Checksums.luhn("")).isFalse();
  }

  @Test
  void npiIsLuhnWithThe80840Prefix() {
    assertThat(Checksums.npi("1234567893")).as("CMS's example NPI").isTrue();
    assertThat(Checksums.npi("1234567890")).isFalse();
    assertThat(Checksums.luhn("1234567893")).as("without the prefix the check differs").isFalse();
    assertThat(Checksums.npi("3234567893")).as("must start with 1 or 2").isFalse();
  }

  @Test
  void vinCheckDigitIsTheNinthCharacter() {
    assertThat(Checksums.vin("1HGCM82633A004352")).isTrue();
    assertThat(Checksums.vin("1M8GDM9AXKP042788")).as("check digit X").isTrue();
    assertThat(Checksums.vin("1HGCM82643A004352")).as("wrong check digit").isFalse();
    assertThat(Checksums.vin("1HGCM8263OA004352")).as("O is never in a VIN").isFalse();
    assertThat(Checksums.vin("1HGCM82633A00435")).as("16 characters").isFalse();
  }

  @Test
  void deaNumberCheckDigit() {
    // 1+3+5 + 2*(2+4+6) = 33: check digit 3
    assertThat(Checksums.dea("AB1234563")).isTrue();
    assertThat(Checksums.dea("AB1234564")).isFalse();
    assertThat(Checksums.dea("A11234563")).isFalse();
  }

  @Test
  void ipv6TextForms() {
    assertThat(NetworkRecognizer.isIpv6("2001:db8:85a3::8a2e:370:7334")).isTrue();
    assertThat(NetworkRecognizer.isIpv6("2001:0db8:85a3:0000:0000:8a2e:0370:7334")).isTrue();
    assertThat(NetworkRecognizer.isIpv6("::ffff:192.0.2.128")).isTrue();
    assertThat(NetworkRecognizer.isIpv6("fe80::1%eth0")).isTrue();
    assertThat(NetworkRecognizer.isIpv6("2001:db8::85a3::1")).as("two ::").isFalse();
    assertThat(NetworkRecognizer.isIpv6("10:30:15")).as("a time").isFalse();
    assertThat(NetworkRecognizer.isIpv6("1:2:3:4:5:6:7:8:9")).isFalse();
    assertThat(NetworkRecognizer.isIpv6("2001:db8:1:2:3:4:5::6")).as("9 groups with ::").isFalse();
  }
}
