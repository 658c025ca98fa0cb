package dev.solosuccess.sdk;

/**
 * One training example of a classifier: a text and its label.
 *
 * @param text the example's text, not blank
 * @param label the label it carries, not blank; labels are compared exactly (case and spaces
 *     count)
 */
public record LabeledText(String text, String label) {

  public LabeledText {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(
          "the text of an example must not be blank (label '" + label + "')");
    }
    if (label == null || label.isBlank()) {
      throw new InvalidInputException("the label of an example must not be blank");
    }
  }
}
