package io.gradlight.tensor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One PyTorch reference fixture from {@code src/test/resources/fixtures/tensor/}, written by
 * {@code scripts/make_tensor_fixtures.py} (which documents the text format). Tensors load as F64.
 */
final class FixtureFile {
  private final String name;
  private final Map<String, Double> params = new HashMap<>();
  private final Map<String, Tensor> tensors = new HashMap<>();

  private FixtureFile(String name) {
    this.name = name;
  }

  /** Loads {@code fixtures/tensor/NAME.txt} from the test class path. */
  static FixtureFile load(String name) {
    String path = "/fixtures/tensor/" + name + ".txt";
    FixtureFile f = new FixtureFile(name);
    try (InputStream in = FixtureFile.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + path
            + ": run /usr/bin/python3 scripts/make_tensor_fixtures.py");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] words = line.trim().split(" ");
        if (words[0].equals("param")) {
          f.params.put(words[1], Double.parseDouble(words[2]));
        } else if (words[0].equals("tensor")) {
          int[] dims = Arrays.stream(words, 2, words.length).mapToInt(Integer::parseInt).toArray();
          String valueLine = r.readLine().trim();
          double[] values = valueLine.isEmpty()
              ? new double[0]
              : Arrays.stream(valueLine.split(" ")).mapToDouble(Double::parseDouble).toArray();
          f.tensors.put(words[1], Tensor.of(values, dims));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return f;
  }

  Tensor tensor(String key) {
    Tensor t = tensors.get(key);
    if (t == null) {
      throw new IllegalStateException("fixture " + name + " has no tensor " + key);
    }
    return t;
  }

  int intParam(String key) {
    return (int) param(key);
  }

  double param(String key) {
    Double v = params.get(key);
    if (v == null) {
      throw new IllegalStateException("fixture " + name + " has no param " + key);
    }
    return v;
  }

  /** Two int params as an {@code {h, w}} pair: {@code pair("stride")} reads strideH, strideW. */
  int[] pair(String prefix) {
    return new int[] {intParam(prefix + "H"), intParam(prefix + "W")};
  }
}
