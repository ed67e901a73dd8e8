package io.gradlight.tensor.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing .npy: byte for byte what numpy writes (golden files written by np.save). */
class NpyWriterTest {
  @TempDir Path dir;

  @Test
  void writesTheSameBytesAsNumpy() throws IOException {
    for (String name : List.of("f4_2x3.npy", "f8_1d.npy", "f4_0d.npy", "f4_2x3x4.npy",
        "f4_0x3.npy", "f4_special.npy")) {
      byte[] golden = Files.readAllBytes(IoFixtures.fixture("npy/" + name));
      Tensor t = NpyReader.tensor(IoFixtures.fixture("npy/" + name));
      assertArrayEquals(golden, bytes(t), name);
    }
  }

  @Test
  void headerAlignsTheDataToSixtyFourBytesWithNumpysPadding() {
    // Empty shapes [0, 10^k, ..., 10^j] give header texts of every length mod 64, including
    // those where numpy, finding the header already aligned, pads a full 64 spaces.
    Set<Integer> paddings = new HashSet<>();
    for (int rank = 1; rank <= 12; rank++) {
      for (int k = 0; k <= 8; k++) {
        for (int j = 0; j <= 8; j++) {
          int[] dims = new int[rank];
          Arrays.fill(dims, 1, rank, (int) Math.pow(10, k));
          dims[rank - 1] = rank > 1 ? (int) Math.pow(10, j) : 0;
          byte[] h = NpyWriter.header(DType.F32, Shape.of(dims));
          assertEquals(0, h.length % NpyWriter.ALIGN);
          assertEquals('\n', h[h.length - 1]);
          String text = new String(h, 10, h.length - 10, StandardCharsets.ISO_8859_1);
          int spaces = text.length() - 1 - (text.indexOf('}') + 1);
          paddings.add(spaces - (21 - 1)); // minus numpy's spare room for the first axis
        }
      }
    }
    assertEquals(IntStream.rangeClosed(1, 64).boxed().collect(Collectors.toSet()), paddings);
  }

  @Test
  void roundTrips() throws IOException {
    Tensor t = Tensor.of(new double[] {1, -2, 3.5, Double.MAX_VALUE, Double.MIN_VALUE, -0.0},
        3, 2);
    Path p = dir.resolve("t.npy");
    NpyWriter.write(p, t);
    assertArrayEquals(t.f64(), NpyReader.tensor(p).f64());
    assertEquals(t.shape(), NpyReader.tensor(p).shape());
  }

  private static byte[] bytes(Tensor t) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NpyWriter.write(out, t);
    return out.toByteArray();
  }
}
