package org.framelens.common.parse;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.DeflaterOutputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.xml.sax.ContentHandler;

/** Documents that keep a parser busy without reading or writing, generated in the test. */
public final class SlowDocuments {
  private SlowDocuments() {}

  /**
   * A one-page PDF whose content stream holds {@code operators} graphics-state changes and then one
   * line of text: small once deflated, but PDFBox reads the file first and then works through every
   * operator without a word of text coming out until the end of the page.
   */
  public static byte[] pdfWithHugeContentStream(int operators) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(content)) {
      // graphics state changes only: PDFBox parses and applies each, and no text comes out
      byte[] op = ascii("q 1 0 0 1 0 0 cm Q\n");
      byte[] chunk = new byte[op.length * 4096];
      for (int i = 0; i < 4096; i++) {
        System.arraycopy(op, 0, chunk, i * op.length, op.length);
      }
      for (int i = 0; i < operators / 4096; i++) {
        z.write(chunk);
      }
      z.write(ascii("BT /F1 12 Tf 72 700 Td (The quay.) Tj ET"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    byte[] stream = content.toByteArray();
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    List<Integer> offsets = new ArrayList<>();
    pdf.writeBytes(ascii("%PDF-1.4\n"));
    String[] objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
          + " /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      null
    };
    for (int i = 0; i < objects.length; i++) {
      offsets.add(pdf.size());
      pdf.writeBytes(ascii((i + 1) + " 0 obj\n"));
      if (objects[i] != null) {
        pdf.writeBytes(ascii(objects[i] + "\nendobj\n"));
      } else {
        pdf.writeBytes(ascii("<< /Length " + stream.length + " /Filter /FlateDecode >>\nstream\n"));
        pdf.writeBytes(stream);
        pdf.writeBytes(ascii("\nendstream\nendobj\n"));
      }
    }
    int xref = pdf.size();
    StringBuilder x = new StringBuilder("xref\n0 " + (objects.length + 1) + "\n");
    x.append("0000000000 65535 f \n");
    for (int off : offsets) {
      x.append(String.format("%010d 00000 n \n", off));
    }
    x.append("trailer\n<< /Size ")
        .append(objects.length + 1)
        .append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    pdf.writeBytes(ascii(x.toString()));
    return pdf.toByteArray();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * A Tika parser for RTF that works for {@code millis} without reading its input or writing an
   * event, and ignores interrupts: what no check inside a parse can catch.
   */
  public static Parser spinning(long millis) {
    return new Parser() {
      @Override
      public Set<MediaType> getSupportedTypes(ParseContext context) {
        return Set.of(MediaType.application("rtf"));
      }

      @Override
      public void parse(
          InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context) {
        long end = System.nanoTime() + millis * 1_000_000L;
        long spins = 0;
        while (System.nanoTime() < end) {
          spins++; // busy, deaf to interrupts
        }
        metadata.set("spins", Long.toString(spins));
      }
    };
  }
}
