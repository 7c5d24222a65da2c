package org.framelens.common.parse;

/** The bytes are not a document type framelens parses (an image, a script...). */
public final class NotADocumentException extends Exception {
  private final String detectedType;

  public NotADocumentException(String detectedType) {
    super("not a document: " + detectedType);
    this.detectedType = detectedType;
  }

  public String detectedType() {
    return detectedType;
  }
}
