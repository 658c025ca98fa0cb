package dev.solosuccess.cli.internal;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether the process talks to a person at a terminal. */
final class Terminal {

  private Terminal() {}

  static boolean isInteractive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // Since JDK 22 a console may exist without a terminal; isTerminal() tells them apart.
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a console exists only for a terminal
    }
  }
}
