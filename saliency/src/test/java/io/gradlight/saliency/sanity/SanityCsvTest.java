package io.gradlight.saliency.sanity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SanityCsvTest {
  @TempDir Path tmp;

  private static SanityStep step(SanityTest test, String name, Similarity... perImage) {
    return new SanityStep(test, name, perImage, Tensor.zeros(DType.F32, perImage.length, 8, 8));
  }

  static SanityReport report() {
    Tensor original = Tensor.zeros(DType.F32, 2, 8, 8);
    MethodSanity passes = new MethodSanity("gradcam", original, List.of(
        step(SanityTest.CASCADING, "fc", new Similarity(0.5, 0.25, 0.75),
            new Similarity(0.25, 0.5, 0.25)),
        step(SanityTest.CASCADING, "features.0", new Similarity(0.125, -0.5, 0.5),
            new Similarity(-0.0625, 0.5, 0.25)),
        step(SanityTest.RANDOM_LOGIT, "random-logit", new Similarity(-1, 1, 0),
            new Similarity(0, 1, 0))));
    MethodSanity fails = new MethodSanity("guided-backprop", original, List.of(
        step(SanityTest.CASCADING, "fc", new Similarity(1, 1, 1), new Similarity(1, 1, 1))));
    return new SanityReport(List.of(), new int[] {0, 1}, new int[] {2, 3}, "features.14", 1, 7,
        List.of(passes, fails));
  }

  @Test
  void oneRowPerComparisonWithMeansOverImages() {
    assertEquals("""
        method,verdict,test,step,spearman,spearman_abs,ssim,samples
        gradcam,PASS,cascading,fc,0.375000,0.375000,0.500000,2
        gradcam,PASS,cascading,features.0,0.031250,0.000000,0.375000,2
        gradcam,PASS,random-logit,random-logit,-0.500000,1.000000,0.000000,2
        guided-backprop,FAIL,cascading,fc,1.000000,1.000000,1.000000,2
        """, SanityCsv.format(report()));
  }

  @Test
  void writesTheFile() throws IOException {
    Path file = tmp.resolve("out/sanity.csv");
    SanityCsv.write(report(), file);
    assertEquals(SanityCsv.format(report()), Files.readString(file));
    assertEquals(List.of(file), Files.list(file.getParent()).toList());
  }
}
