package org.framelens.common.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hostile documents for tests, built in memory (nothing of this kind is checked in). */
public final class HostileDocuments {
  private HostileDocuments() {}

  /** A valid DOCX whose 40 MB document.xml compresses to a few kilobytes. */
  public static byte[] zipBombDocx() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      packageParts(zip);
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write(
          utf8(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document"
                  + " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                  + "<w:body><w:p><w:r><w:t>"));
      byte[] chunk = utf8("quay ".repeat(200_000));
      for (int i = 0; i < 40; i++) {
        zip.write(chunk);
      }
      zip.write(utf8("</w:t></w:r></w:p></w:body></w:document>"));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static void packageParts(ZipOutputStream zip) throws IOException {
    put(
        zip,
        "[Content_Types].xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types"
            + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default"
            + " Extension=\"rels\""
            + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default"
            + " Extension=\"xml\" ContentType=\"application/xml\"/><Override"
            + " PartName=\"/word/document.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
    put(
        zip,
        "_rels/.rels",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
            + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
            + " Id=\"rId1\""
            + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
            + " Target=\"word/document.xml\"/></Relationships>");
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(utf8(text));
    zip.closeEntry();
  }

  /**
   * A DOCX whose document.xml declares an external entity pointing at {@code secretFile} and uses
   * it in its text: a parser that resolves it would leak the file into the article.
   */
  public static byte[] externalEntityDocx(java.nio.file.Path secretFile) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      packageParts(zip);
      put(
          zip,
          "word/document.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE w:document [<!ENTITY leak SYSTEM"
              + " \""
              + secretFile.toUri()
              + "\">]><w:document"
              + " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
              + "<w:body><w:p><w:r><w:t>The council met on Monday. &leak;</w:t></w:r></w:p>"
              + "</w:body></w:document>");
    }
    return bytes.toByteArray();
  }

  /** HTML whose elements nest {@code depth} levels deep around one paragraph. */
  public static String deeplyNestedHtml(int depth, String paragraph) {
    return "<html><body>"
        + "<div>".repeat(depth)
        + "<p>"
        + paragraph
        + "</p>"
        + "</div>".repeat(depth)
        + "</body></html>";
  }

  /** A PDF header and the start of its first object, then nothing. */
  public static byte[] truncatedPdf() {
    return utf8("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R");
  }

  /** An HTML page declared UTF-8 with invalid byte sequences inside its paragraph. */
  public static byte[] invalidUtf8Page(String paragraph) {
    byte[] head = utf8("<html><head><meta charset=\"utf-8\"></head><body><article><p>" + paragraph);
    byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
    byte[] tail = utf8(" " + paragraph + "</p></article></body></html>");
    byte[] body = new byte[head.length + bad.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(bad, 0, body, head.length, bad.length);
    System.arraycopy(tail, 0, body, head.length + bad.length, tail.length);
    return body;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
