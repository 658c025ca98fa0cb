package dev.solosuccess.sdk;

/** The named thing does not exist. */
public class NotFoundException extends SoloException {

  private static final long serialVersionUID = 1L;

  private final String kind;
  private final String id;

  /**
   * @param kind what was looked for, such as {@code document}
   * @param id its identifier
   */
  public NotFoundException(String kind, String id) {
    super("no " + kind + " with id '" + id + "'");
    this.kind = kind;
    this.id = id;
  }

  public String kind() {
    return kind;
  }

  public String id() {
    return id;
  }

  @Override
  public String code() {
    return "not-found";
  }
}
