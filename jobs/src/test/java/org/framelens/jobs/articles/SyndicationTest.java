package org.framelens.jobs.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.ml.feature.HashingTF;
import org.framelens.common.dedup.TextSketch;
import org.junit.jupiter.api.Test;

/** The plain-Java parts of near-duplicate detection (the Spark part runs in FramingRunJobTest). */
class SyndicationTest {
  @Test
  void shinglesFallInTheSameBucketsAsWithSparkMlHashingTf() {
    // the buckets are those of the earlier Spark ML implementation (HashingTF, 2^20 features),
    // so the exact similarity of two texts, and with it every mark, is unchanged
    HashingTF tf = new HashingTF().setNumFeatures(TextSketch.BUCKETS);
    for (String shingle :
        List.of(
            "one two three four five",
            "die fähre legte im morgengrauen ab",
            "паром вышел из гавани на",
            "العبارة غادرت الميناء عند الفجر",
            "המעבורת יצאה מהנמל עם שחר",
            "渡轮 在 黎明 时 离开",
            "emoji 🚢 left the harbour")) {
      assertThat(TextSketch.bucket(shingle)).as(shingle).isEqualTo(tf.indexOf(shingle));
    }
  }
}
