package dev.solosuccess.cli.internal;

/** The exit codes of {@code solo}, as its help lists them. */
public final class ExitCodes {

  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;
  public static final int PARTIAL = 3;
  public static final int ACCESS_DENIED = 4;

  public static final String OK_LINE = "0:Success.";
  public static final String FAILURE_LINE =
      "1:Failure: bad input, unknown document, storage or model error (reason on stderr).";
  public static final String USAGE_LINE = "2:Usage: unknown command or option, or a bad option value.";
  public static final String PARTIAL_LINE =
      "3:Partial: ingest finished, but some files were skipped (reasons in the summary).";

  public static final String ACCESS_DENIED_LINE =
      "4:Access denied: no or a wrong API key (SOLO_API_KEY, --api-key-file) where security is"
          + " configured, a revoked key, or a role that may not do this.";

  private ExitCodes() {}
}
