package dev.solosuccess.sdk;

import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.TestInfo;

/**
 * The randomness of a test: a seed drawn afresh on every run and printed with the test's name, or
 * fixed with {@code -Dtests.seed=HEX} to replay a failure, for example {@code ./mvnw -pl sdk-core
 * verify -Dtest=EmbeddingTest#cosineMatchesTheDefinitionAndIgnoresLength -Dtests.seed=5EED}.
 */
final class TestSeed extends Random {

  private static final long serialVersionUID = 1L;

  static final String PROPERTY = "tests.seed";

  private final long seed;

  private TestSeed(long seed) {
    super(seed);
    this.seed = seed;
  }

  /** A random for the running test; its seed is printed, and {@link #toString()} names it. */
  static TestSeed random(TestInfo test) {
    String given = System.getProperty(PROPERTY);
    long seed =
        given == null || given.isBlank()
            ? ThreadLocalRandom.current().nextLong()
            : Long.parseUnsignedLong(given.strip().replaceFirst("^0[xX]", ""), 16);
    TestSeed random = new TestSeed(seed);
    String name =
        test.getTestClass().map(Class::getSimpleName).orElse("?")
            + "#"
            + test.getTestMethod().map(m -> m.getName()).orElse(test.getDisplayName());
    System.out.println(name + ": " + random);
    return random;
  }

  long seed() {
    return seed;
  }

  /** How to replay: {@code -Dtests.seed=HEX}. */
  @Override
  public String toString() {
    return "-D" + PROPERTY + "=" + Long.toHexString(seed).toUpperCase(Locale.ROOT);
  }
}
