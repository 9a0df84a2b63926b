package com.googlesource.gerrit.plugins.securityreview.python;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The line table, newline normalisation and the ASCII reading that skips the decoder. */
class SourceTextTest {
  @Test
  void normalisedNewlines_keepEveryLinesColumns() {
    SourceText s = SourceText.normalized("a = 1\r\nb = 2\rc = 3\n");

    assertThat(s.text()).isEqualTo("a = 1\nb = 2\nc = 3\n");
    assertThat(s.lineCount()).isEqualTo(4);
    assertThat(s.line(2)).isEqualTo("b = 2");
    assertThat(s.lineStart(3)).isEqualTo(12);
    assertThat(s.line(4)).isEmpty();
  }

  @Test
  void lineStartPastTheLastLine_throws() {
    SourceText s = SourceText.normalized("x\ny");

    assertThat(s.lineStart(2)).isEqualTo(2);
    assertThrows(IndexOutOfBoundsException.class, () -> s.lineStart(3));
  }

  @Test
  void asciiBytes_readAsTheDecoderReadsThem() {
    String[] sources = {
      "", "x", "def f():\n    return 1\n", "a\r\nb\r\n", "a\rb", "a\r", "s = 'a\0b'\n", "# c\n\n\n"
    };
    for (String source : sources) {
      byte[] bytes = source.getBytes(StandardCharsets.US_ASCII);
      SourceText ascii = SourceText.ascii(bytes, 0);
      SourceText decoded = SourceText.normalized(source);

      assertThat(ascii).isNotNull();
      assertThat(ascii.text()).isEqualTo(decoded.text());
      assertThat(ascii.lineCount()).isEqualTo(decoded.lineCount());
      assertThat(ascii.firstNul()).isEqualTo(decoded.firstNul());
      for (int line = 1; line <= decoded.lineCount(); line++) {
        assertThat(ascii.lineStart(line)).isEqualTo(decoded.lineStart(line));
        assertThat(ascii.isAsciiLine(line)).isTrue();
      }
      // What the tokenizer reads: the text's characters first.
      assertThat(new String(ascii.chars(), 0, ascii.text().length())).isEqualTo(ascii.text());
    }
  }

  @Test
  void asciiBytes_fromAnOffset() {
    byte[] bytes = "\u00ef\u00bb\u00bfx = 1\n".getBytes(StandardCharsets.ISO_8859_1);

    SourceText s = SourceText.ascii(bytes, 3);

    assertThat(s.text()).isEqualTo("x = 1\n");
    assertThat(s.lineCount()).isEqualTo(2);
  }

  @Test
  void aByteThatIsNotAscii_anywhere_leavesItToTheDecoder() {
    byte[] ascii = "x = 'cafe'\r\ny = 1\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(SourceText.ascii(ascii, 0)).isNotNull();
    for (int at : new int[] {0, 9, 10, ascii.length - 1}) {
      byte[] bytes = ascii.clone();
      bytes[at] = (byte) 0xc3;
      assertThat(SourceText.ascii(bytes, 0)).isNull();
    }
    assertThat(SourceText.ascii("x = 'caf\u00e9'\n".getBytes(StandardCharsets.UTF_8), 0)).isNull();
  }

  @Test
  void columnsOnALineWithMultiByteCharacters() {
    SourceText s = SourceText.normalized("a\ns = '\u00e9\u4e2d' + t\n");

    assertThat(s.isAsciiLine(1)).isTrue();
    assertThat(s.isAsciiLine(2)).isFalse();
    // "s = '" then two characters of two and three UTF-8 bytes, then "' + t".
    assertThat(s.byteColumn(2, 8)).isEqualTo(11);
    assertThat(s.charColumn(2, 11)).isEqualTo(8);
  }
}
