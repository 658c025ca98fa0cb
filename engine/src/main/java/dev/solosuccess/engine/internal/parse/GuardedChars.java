package dev.solosuccess.engine.internal.parse;

/**
 * Text that checks a {@link ParseGuard} as a regular expression reads it. A pattern that
 * backtracks on a hostile line (50,000 {@code [} without a {@code ]}) reads characters billions of
 * times inside one {@code replaceAll}, where no other check can run; reading through this view ends
 * it at the parse deadline. Used by the one parsing thread of its guard.
 */
final class GuardedChars implements CharSequence {

  /** Characters read between two looks at the clock: about a millisecond of matching. */
  private static final int CHECK_EVERY = 1 << 16;

  private final String text;
  private final ParseGuard guard;
  private int reads;

  GuardedChars(String text, ParseGuard guard) {
    this.text = text;
    this.guard = guard;
  }

  @Override
  public char charAt(int index) {
    if (++reads == CHECK_EVERY) {
      reads = 0;
      guard.check();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.substring(start, end);
  }

  @Override
  public String toString() {
    return text;
  }
}
