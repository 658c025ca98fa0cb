package dev.solosuccess.cli.internal;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (unknown when run from classes). */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {
      "solo " + (v == null ? "(development build)" : v),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
