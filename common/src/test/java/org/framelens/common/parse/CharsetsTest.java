package org.framelens.common.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetsTest {
  private final Charsets charsets = new Charsets();

  private static byte[] page(String meta, String text, Charset cs) {
    return ("<html><head>"
            + meta
            + "<title>x</title></head><body><p>"
            + text
            + "</p></body></html>")
        .getBytes(cs);
  }

  @Test
  void theHttpHeaderWinsOverTheDocumentsMeta() {
    Charset cp1251 = Charset.forName("windows-1251");
    byte[] b = page("<meta charset=\"utf-8\">", "Заложники освобождены", cp1251);
    assertThat(charsets.choose(b, "windows-1251")).isEqualTo(cp1251);
  }

  @Test
  void withoutAHeaderTheMetaDeclarationIsUsed() {
    Charset koi8 = Charset.forName("KOI8-R");
    byte[] b =
        page(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">",
            "Заложники освобождены",
            koi8);
    assertThat(charsets.choose(b, null)).isEqualTo(koi8);
    Charset cp1256 = Charset.forName("windows-1256");
    byte[] ar = page("<meta charset=\"windows-1256\">", "أطلقت المقاومة سراح أسيرتين", cp1256);
    assertThat(Charsets.decode(ar, charsets.choose(ar, null)))
        .contains("أطلقت المقاومة سراح أسيرتين");
  }

  @Test
  void undeclaredLegacyTextIsDetected() {
    String text =
        "Посредники добились освобождения ещё двух заложниц. Переговоры продолжаются, "
            + "и стороны обсуждают гуманитарную паузу для доставки помощи в сектор.";
    byte[] b = page("", text.repeat(3), Charset.forName("windows-1251"));
    assertThat(Charsets.decode(b, charsets.choose(b, null))).contains("Посредники добились");
  }

  @Test
  void anUnknownHeaderCharsetFallsBackToTheDocument() {
    byte[] b = page("<meta charset=\"utf-8\">", "Geiseln frei", StandardCharsets.UTF_8);
    assertThat(charsets.choose(b, "x-no-such-charset")).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void latin1LabelsMeanWindows1252AsInBrowsers() {
    byte[] b = page("", "\u201Cquoted\u201D", Charset.forName("windows-1252"));
    assertThat(Charsets.decode(b, charsets.choose(b, "iso-8859-1"))).contains("\u201Cquoted\u201D");
  }

  @Test
  void invalidUtf8BytesBecomeReplacementCharactersNotErrors() {
    byte[] b = {
      '<', 'p', '>', 'o', 'k', (byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFF, '<', '/', 'p', '>'
    };
    String s = Charsets.decode(b, charsets.choose(b, "utf-8"));
    assertThat(s).startsWith("<p>ok").contains("\uFFFD");
  }
}
