package dev.solosuccess.sdk;

/** How {@link InferenceService#redact(String, RedactionOptions)} replaces what it finds. */
public enum RedactionMode {
  /** The type in brackets: {@code [NAME]}, {@code [DATE]}. */
  MASK,
  /**
   * A numbered stand-in per type, the same for the same surface form within one call: {@code
   * [NAME-1]} each time "John Smith" appears, {@code [NAME-2]} for "Ana Ruiz". Case and runs of
   * spaces do not count as a difference. Numbers restart with every call, so they link mentions
   * inside one text but never across texts.
   */
  PSEUDONYM,
  /**
   * The type and a keyed hash of the surface form: {@code [NAME:3f9a1c]}, the first hex digits of
   * HMAC-SHA256 under the caller's key ({@link RedactionOptions.Builder#hashKey(byte[])}). The
   * same value gets the same hash in every text under the same key, so records can be linked
   * without the value; without the key the hash cannot be reversed by guessing values.
   */
  HASH
}
