package org.framelens.common.parse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * The time a parse may take. A parser cannot ignore it: the deadline is checked on every read of
 * the document's bytes or characters, on every SAX event a Tika parser emits and between the
 * extractor's phases, and throws {@link ParseTimeoutException} once passed. A parser working
 * without reading or writing anything (PDFBox on a huge content stream) would escape these checks:
 * {@link ParseWatchdog} enforces the same deadline from outside the parse.
 */
public final class ParseDeadline {
  /** No limit. */
  public static final ParseDeadline NONE = new ParseDeadline(Long.MAX_VALUE, 0);

  private final long deadlineNanos;
  private final long timeoutMillis;

  private ParseDeadline(long deadlineNanos, long timeoutMillis) {
    this.deadlineNanos = deadlineNanos;
    this.timeoutMillis = timeoutMillis;
  }

  /** A deadline {@code timeoutMillis} from now; zero or less means none. */
  public static ParseDeadline in(long timeoutMillis) {
    return timeoutMillis <= 0
        ? NONE
        : new ParseDeadline(System.nanoTime() + timeoutMillis * 1_000_000L, timeoutMillis);
  }

  public void check() {
    if (this != NONE && System.nanoTime() - deadlineNanos > 0) {
      throw new ParseTimeoutException(timeoutMillis);
    }
  }

  /** The parse took longer than allowed. */
  public static final class ParseTimeoutException extends RuntimeException {
    ParseTimeoutException(long timeoutMillis) {
      super("parse stopped after " + timeoutMillis + " ms (--parse-timeout-ms)");
    }

    ParseTimeoutException(String message) {
      super(message);
    }
  }

  Reader watch(Reader in) {
    return new java.io.FilterReader(in) {
      @Override
      public int read() throws IOException {
        check();
        return super.read();
      }

      @Override
      public int read(char[] buf, int off, int len) throws IOException {
        check();
        return super.read(buf, off, len);
      }
    };
  }

  InputStream watch(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        check();
        return super.read();
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        check();
        return super.read(buf, off, len);
      }
    };
  }

  ContentHandler watch(ContentHandler handler) {
    return new ContentHandlerDecorator(handler) {
      @Override
      public void startElement(String uri, String localName, String name, Attributes atts)
          throws SAXException {
        check();
        super.startElement(uri, localName, name, atts);
      }

      @Override
      public void characters(char[] ch, int start, int length) throws SAXException {
        check();
        super.characters(ch, start, length);
      }

      @Override
      public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        check();
        super.ignorableWhitespace(ch, start, length);
      }
    };
  }
}
