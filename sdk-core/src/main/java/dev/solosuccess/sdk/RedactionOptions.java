package dev.solosuccess.sdk;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link InferenceService#redact(String, RedactionOptions)} looks for and how it replaces it.
 * Immutable and thread-safe; build with {@link #builder()}. The hash key never appears in {@link
 * #toString()}.
 *
 * <pre>{@code
 * RedactionOptions options = RedactionOptions.builder()
 *     .mode(RedactionMode.HASH)
 *     .hashKey(keyBytes)                      // 16 bytes or more, kept by the caller
 *     .types(EnumSet.of(PhiType.NAME, PhiType.SSN, PhiType.MRN))
 *     .build();
 * }</pre>
 */
public final class RedactionOptions {

  /** Fewest bytes of a hash key: 128 bits, so that the hash cannot be brute-forced by key. */
  public static final int MIN_HASH_KEY_BYTES = 16;

  /** Hex digits of the hash kept in a replacement: 24 bits, enough to tell values of one text apart. */
  public static final int DEFAULT_HASH_CHARS = 6;

  /**
   * Spans scored below this are left alone (0.5): every checksum-verified or context-confirmed
   * identifier and every listed name in a name-like position scores above it; a capitalized word
   * that is also a common English word, alone and without context, scores below.
   */
  public static final double DEFAULT_MIN_CONFIDENCE = 0.5;

  private static final RedactionOptions DEFAULTS = builder().build();

  private final RedactionMode mode;
  private final Set<PhiType> types;
  private final byte[] hashKey;
  private final int hashChars;
  private final boolean generalize;
  private final double minConfidence;

  private RedactionOptions(Builder b) {
    this.mode = b.mode;
    this.types = Collections.unmodifiableSet(EnumSet.copyOf(b.types));
    this.hashKey = b.hashKey == null ? null : b.hashKey.clone();
    this.hashChars = b.hashChars;
    this.generalize = b.generalize;
    this.minConfidence = b.minConfidence;
  }

  /** Every type, masked: {@code [NAME]}, {@code [DATE]}, ... */
  public static RedactionOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** How identifiers are replaced; default {@link RedactionMode#MASK}. */
  public RedactionMode mode() {
    return mode;
  }

  /** The types looked for; default all of them. */
  public Set<PhiType> types() {
    return types;
  }

  /** A copy of the key of {@link RedactionMode#HASH}, or null when none was given. */
  public byte[] hashKey() {
    return hashKey == null ? null : hashKey.clone();
  }

  /** Hex digits of the keyed hash kept in {@link RedactionMode#HASH}; default {@value #DEFAULT_HASH_CHARS}. */
  public int hashChars() {
    return hashChars;
  }

  /**
   * Whether to keep what Safe Harbor allows instead of masking it whole; default false. A date
   * with a year becomes the year alone ("2019"); a ZIP code its first three digits ("627XX"), or
   * "000XX" for the 17 three-digit areas of fewer than 20,000 people (2000 Census, as HHS
   * guidance lists them); an age over 89 becomes "90+". Applies to {@link RedactionMode#MASK}.
   */
  public boolean generalize() {
    return generalize;
  }

  /** Spans the recognizers are less sure of than this are left alone; default {@value #DEFAULT_MIN_CONFIDENCE}. */
  public double minConfidence() {
    return minConfidence;
  }

  @Override
  public String toString() {
    return "RedactionOptions[mode=" + mode + ", types=" + types
        + ", hashKey=" + (hashKey == null ? "none" : "(" + hashKey.length + " bytes)")
        + ", hashChars=" + hashChars + ", generalize=" + generalize
        + ", minConfidence=" + minConfidence + "]";
  }

  /** Builds {@link RedactionOptions}; validated in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private RedactionMode mode = RedactionMode.MASK;
    private Set<PhiType> types = EnumSet.allOf(PhiType.class);
    private byte[] hashKey;
    private int hashChars = DEFAULT_HASH_CHARS;
    private boolean generalize;
    private double minConfidence = DEFAULT_MIN_CONFIDENCE;

    private Builder() {}

    public Builder mode(RedactionMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** The types to look for; the others are left in the text. */
    public Builder types(Set<PhiType> types) {
      this.types = EnumSet.noneOf(PhiType.class);
      this.types.addAll(Objects.requireNonNull(types, "types"));
      return this;
    }

    /** The key of {@link RedactionMode#HASH}, at least {@value #MIN_HASH_KEY_BYTES} bytes; copied. */
    public Builder hashKey(byte[] key) {
      this.hashKey = Objects.requireNonNull(key, "key").clone();
      return this;
    }

    /** Hex digits of the hash to keep, 4 to 64. */
    public Builder hashChars(int chars) {
      this.hashChars = chars;
      return this;
    }

    /** See {@link RedactionOptions#generalize()}. */
    public Builder generalize(boolean generalize) {
      this.generalize = generalize;
      return this;
    }

    /** See {@link RedactionOptions#minConfidence()}; 0 to 1. */
    public Builder minConfidence(double minConfidence) {
      this.minConfidence = minConfidence;
      return this;
    }

    /**
     * @throws InvalidInputException naming the first invalid setting
     */
    public RedactionOptions build() {
      if (types.isEmpty()) {
        throw new InvalidInputException("types must name at least one PHI type, got none");
      }
      if (mode == RedactionMode.HASH && hashKey == null) {
        throw new InvalidInputException(
            "mode HASH needs a hashKey of at least " + MIN_HASH_KEY_BYTES + " bytes, got none");
      }
      if (hashKey != null && hashKey.length < MIN_HASH_KEY_BYTES) {
        throw new InvalidInputException(
            "hashKey must be at least " + MIN_HASH_KEY_BYTES + " bytes, got " + hashKey.length);
      }
      if (hashKey != null && allSame(hashKey)) {
        throw new InvalidInputException(
            "hashKey is " + hashKey.length + " identical bytes; use random bytes");
      }
      if (hashChars < 4 || hashChars > 64) {
        throw new InvalidInputException("hashChars must be in 4..64, got " + hashChars);
      }
      if (!(minConfidence >= 0 && minConfidence <= 1)) {
        throw new InvalidInputException("minConfidence must be in 0..1, got " + minConfidence);
      }
      return new RedactionOptions(this);
    }

    private static boolean allSame(byte[] key) {
      byte[] first = new byte[key.length];
      Arrays.fill(first, key[0]);
      return Arrays.equals(first, key);
    }
  }
}
