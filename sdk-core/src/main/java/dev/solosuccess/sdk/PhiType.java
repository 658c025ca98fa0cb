package dev.solosuccess.sdk;

import java.util.Locale;

/**
 * The kinds of protected health information that {@link InferenceService#redact(String)} finds: the
 * identifiers of the HIPAA Safe Harbor standard (45 CFR 164.514(b)(2)) that text can carry. Full-face
 * photographs, the one Safe Harbor identifier that is never text, are out of scope.
 */
public enum PhiType {
  /** A person's name: patients, relatives, clinicians ("Dr. Ana Ruiz", "SMITH, JOHN"). */
  NAME,
  /** A street address: number, street and unit ("42 Elm Street, Apt 3B"), or a PO box. */
  STREET_ADDRESS,
  /** A city, town or county: a geographic subdivision smaller than a state. */
  CITY,
  /**
   * A ZIP code. Safe Harbor lets the first three digits stay when the area they cover holds more
   * than 20,000 people; {@link RedactionOptions#generalize()} keeps them where that is so.
   */
  ZIP,
  /** Any element of a date but the year alone: "03/04/2019", "March 4th", "March 2019". */
  DATE,
  /** An age over 89 ("92-year-old"), which Safe Harbor counts as an identifier. */
  AGE,
  /** A telephone number. */
  PHONE,
  /** A fax number: a phone number that the text calls a fax. */
  FAX,
  /** An e-mail address. */
  EMAIL,
  /** A US Social Security number that passes the SSA's rules (area, group and serial). */
  SSN,
  /** A medical record number. */
  MRN,
  /** A health plan beneficiary number (member, subscriber or Medicare id). */
  HEALTH_PLAN,
  /** An account number, payment card number (Luhn-checked) or bank account. */
  ACCOUNT,
  /** A certificate or licence number (driver's licence, DEA, professional licence). */
  LICENSE,
  /** A vehicle identifier: VIN (check digit verified) or licence plate. */
  VEHICLE,
  /** A device identifier or serial number (implants, pumps, UDI). */
  DEVICE,
  /** A web address. */
  URL,
  /** An IPv4 or IPv6 address. */
  IP_ADDRESS,
  /** A biometric identifier's value (fingerprint, retina, voice print template id). */
  BIOMETRIC,
  /** Any other unique identifying number or code (NPI, case, specimen, claim numbers, ...). */
  OTHER_ID;

  /** The name used in masks: {@code NAME}, {@code STREET_ADDRESS}, ... */
  public String label() {
    return name();
  }

  /**
   * The type of a label, ignoring case and accepting {@code -} for {@code _}.
   *
   * @throws InvalidInputException naming the label and the accepted ones
   */
  public static PhiType parse(String label) {
    String key = label == null ? "" : label.strip().replace('-', '_').toUpperCase(Locale.ROOT);
    for (PhiType t : values()) {
      if (t.name().equals(key)) {
        return t;
      }
    }
    throw new InvalidInputException(
        "unknown PHI type '" + label + "'; one of " + java.util.Arrays.toString(values()));
  }
}
