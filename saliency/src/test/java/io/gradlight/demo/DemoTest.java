package io.gradlight.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.train.Checkpoint;
import io.gradlight.nn.zoo.ShapesNet;
import io.gradlight.saliency.Methods;
import io.gradlight.saliency.cleverhans.CleverHansWeights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole demo on the tiniest counts: every section runs and the page links what it wrote. */
class DemoTest {
  /** An untrained shapesnet as the "honest" model: the demo's plumbing does not need skill. */
  static Checkpoint untrained() {
    ShapesNet net = new ShapesNet(8, Activation.RELU, 5);
    net.eval();
    return new Checkpoint(
        "shapesnet", List.of(Shapes.classNames()), "relu", 0, net.stateDict(), Map.of());
  }

  /** The least work that still runs every section. */
  private static final DemoConfig TINY =
      new DemoConfig(
          2, 3, 8, 1024, 1, 1, List.of("gradient", "gradcam"), 4, 16, 2, List.of("gradcam"));

  @Test
  void defaultsNameRegisteredMethods() {
    DemoConfig d = DemoConfig.defaults();
    assertTrue(Methods.ids().containsAll(d.sanityMethods()), d.sanityMethods().toString());
    assertTrue(Methods.ids().containsAll(d.cleverHansMethods()), d.cleverHansMethods().toString());
  }

  @Test
  void tinyDemoWritesEverySectionAndEveryPictureItLinks(@TempDir Path dir) throws Exception {
    DemoConfig tiny = TINY;
    Map<String, long[]> tasks = new LinkedHashMap<>(); // label -> {total, done}
    Progress counting =
        (label, total) -> {
          long[] t = {total, 0};
          tasks.put(label, t);
          return new Progress.Task() {
            @Override
            public void advance(long steps) {
              t[1] += steps;
            }

            @Override
            public void close() {}
          };
        };
    Demo.Result r = Demo.run(untrained(), CleverHansWeights.checkpoint(), tiny, dir, counting);
    tasks.forEach((label, t) -> assertEquals(t[0], t[1], label + ": steps done vs announced"));

    int methods = Methods.ids().size();
    assertEquals(methods, r.methods().size());
    assertEquals(methods + 1, r.scores().size(), "every method and the centre baseline");
    assertEquals(tiny.sanityMethods().size(), r.sanity().methods().size());
    assertEquals(tiny.cleverHansMethods().size(), r.cleverHans().methods().size());
    assertTrue(r.lie().exact().relativeLogitDifference() <= 1e-6);
    assertEquals(methods, Demo.summaryRows(r).size());

    String html = Files.readString(r.index());
    for (String id : List.of("overview", "methods", "metrics", "sanity", "manipulation", "cleverhans")) {
      assertTrue(html.contains("<section id=\"" + id + "\">"), "section " + id);
    }
    assertFalse(html.contains("http://") || html.contains("https://"));
    Matcher src = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
    int pictures = 0;
    while (src.find()) {
      assertTrue(Files.isRegularFile(dir.resolve(src.group(1))), "missing " + src.group(1));
      pictures++;
    }
    // inputs and one overlay per method and image at least
    assertTrue(pictures >= tiny.images() * (methods + 1), pictures + " pictures");
  }
}
