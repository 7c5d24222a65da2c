package org.framelens.common.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.framelens.common.lexicon.CompiledLexicon;
import org.framelens.common.lexicon.FrameTagger;
import org.framelens.common.lexicon.Lexicon;
import org.junit.jupiter.api.Test;

/** Constructed wire texts and copies, tagged with the bundled lexicon on both sides. */
class CopyEditsTest {
  private static final FrameTagger TAGGER =
      new FrameTagger(new CompiledLexicon(Lexicon.parse(Lexicon.defaultText(), "default")));

  private static final String WIRE =
      "Militants fired rockets at the border town on Tuesday night, officials said.\n"
          + "Mediators in Cairo said talks on a truce would resume next week.\n"
          + "The agency could not confirm the number of people hurt.";

  private static CopyEdits.Side side(String title, String text) {
    List<String> paragraphs = Arrays.asList(text.split("\n", -1));
    return new CopyEdits.Side(title, text, TAGGER.tag(title, paragraphs, "en").allHits());
  }

  private static List<String> described(List<CopyEdits.Edit> edits) {
    return edits.stream()
        .map(
            e ->
                e.kind()
                    + " "
                    + e.frameOriginal()
                    + ":"
                    + e.termOriginal()
                    + " -> "
                    + e.frameCopy()
                    + ":"
                    + e.termCopy())
        .toList();
  }

  @Test
  void aLabelReplacedInTheCopyIsOneReplacementWithBothFramesAndTerms() {
    String copy = WIRE.replace("Militants fired", "Terrorists fired");
    List<CopyEdits.Edit> edits =
        CopyEdits.edits(
            side("Rockets hit border town", WIRE), side("Rockets hit border town", copy));
    assertThat(described(edits))
        .containsExactly("replaced militancy:militant -> terrorism:terrorist");
    assertThat(edits.get(0).section()).isEqualTo("body");
    assertThat(edits.get(0).snippetOriginal()).startsWith("Militants fired rockets");
    assertThat(edits.get(0).snippetCopy()).startsWith("Terrorists fired rockets");
  }

  @Test
  void anAddedSentenceWithAFrameIsAnAddition() {
    String copy =
        WIRE.replace(
            "next week.", "next week. Aid groups warned of a humanitarian crisis in the area.");
    List<CopyEdits.Edit> edits = CopyEdits.edits(side(null, WIRE), side(null, copy));
    assertThat(described(edits))
        .containsExactly("added null:null -> humanitarian:humanitarian crisis");
    assertThat(edits.get(0).snippetCopy()).contains("humanitarian crisis");
  }

  @Test
  void aRemovedParagraphRemovesEachOfItsHits() {
    String copy =
        WIRE.replace("Mediators in Cairo said talks on a truce would resume next week.\n", "");
    List<CopyEdits.Edit> edits = CopyEdits.edits(side(null, WIRE), side(null, copy));
    assertThat(described(edits))
        .containsExactlyInAnyOrder(
            "removed diplomacy:mediator -> null:null", "removed diplomacy:truce -> null:null");
  }

  @Test
  void aCopyThatOnlyChangesPunctuationHasNoEdits() {
    String copy =
        WIRE.replace("night, officials", "night -- officials")
            .replace("said.", "said!")
            .replace("next week.", "next week ...");
    assertThat(CopyEdits.edits(side(null, WIRE), side(null, copy))).isEmpty();
  }

  @Test
  void aFrameTermMovedWithinTheTextIsNoEdit() {
    // the truce sentence moves from the second paragraph to the end
    String copy =
        "Militants fired rockets at the border town on Tuesday night, officials said.\n"
            + "The agency could not confirm the number of people hurt.\n"
            + "Mediators in Cairo said talks on a truce would resume next week.";
    assertThat(CopyEdits.edits(side(null, WIRE), side(null, copy))).isEmpty();
  }

  @Test
  void anIdenticalCopyHasNoEdits() {
    assertThat(CopyEdits.edits(side("A title", WIRE), side("A title", WIRE))).isEmpty();
  }

  @Test
  void aHeadlineLabelChangedIsAnEditOfTheTitle() {
    List<CopyEdits.Edit> edits =
        CopyEdits.edits(
            side("Militants fire rockets at border town", WIRE),
            side("Resistance fighters fire rockets at border town", WIRE));
    assertThat(described(edits))
        .containsExactly("replaced militancy:militant -> resistance:resistance fighter");
    assertThat(edits.get(0).section()).isEqualTo("title");
  }

  @Test
  void theOutletSummaryCountsCopiesWithAnEditOutOfAllTheOutletsCopies() {
    CopyEditSummary summary = new CopyEditSummary();
    summary.addCopy("tribune", 4);
    summary.addCopy("courier", 2);
    summary.addEdit("tribune", "c1", CopyEdits.REPLACED, "militancy", "terrorism");
    summary.addEdit("tribune", "c1", CopyEdits.REPLACED, "militancy", "terrorism");
    summary.addEdit("tribune", "c2", CopyEdits.REPLACED, "militancy", "terrorism");
    summary.addEdit("tribune", "c2", CopyEdits.ADDED, null, "humanitarian");
    List<CopyEditSummary.OutletRow> rows = summary.rows();
    assertThat(rows)
        .containsExactly(
            new CopyEditSummary.OutletRow("courier", CopyEditSummary.ANY, null, null, 2, 0, 0, 0.0),
            new CopyEditSummary.OutletRow("tribune", CopyEditSummary.ANY, null, null, 4, 2, 4, 0.5),
            new CopyEditSummary.OutletRow(
                "tribune", CopyEdits.ADDED, null, "humanitarian", 4, 1, 1, 0.25),
            new CopyEditSummary.OutletRow(
                "tribune", CopyEdits.REPLACED, "militancy", "terrorism", 4, 2, 3, 0.5));
  }
}
