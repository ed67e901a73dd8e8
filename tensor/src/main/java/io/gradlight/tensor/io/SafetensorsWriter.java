package io.gradlight.tensor.io;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes F32 and F64 tensors and a metadata string map as a safetensors file, laid out as the
 * reference writer ({@code safetensors::tensor::prepare}) lays it out:
 *
 * <ul>
 *   <li>tensors ordered by dtype alignment, largest first (F64 before F32), then by name
 *       (compared as UTF-8 bytes, as Rust compares strings); data offsets consecutive from 0;
 *   <li>the header is compact JSON: {@code __metadata__} first (keys sorted, for reproducible
 *       bytes; omitted when the map is empty), then each tensor as {@code
 *       {"dtype":"F32","shape":[2,3],"data_offsets":[0,24]}} in data order;
 *   <li>the header is padded with spaces to a multiple of 8 bytes so every tensor's data is
 *       8-byte aligned in the file.
 * </ul>
 */
public final class SafetensorsWriter {
  private static final Comparator<Map.Entry<String, Tensor>> ORDER =
      Comparator.<Map.Entry<String, Tensor>>comparingInt(e -> -e.getValue().dtype().byteSize())
          .thenComparing(e -> e.getKey().getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned);

  private SafetensorsWriter() {}

  /** Writes {@code tensors} and {@code metadata} to {@code path}, replacing any file there. */
  public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata)
      throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
      write(out, tensors, metadata);
    }
  }

  /** Writes the file's bytes to {@code out} (not closed). */
  public static void write(OutputStream out, Map<String, Tensor> tensors,
      Map<String, String> metadata) throws IOException {
    List<Map.Entry<String, Tensor>> ordered = new ArrayList<>(tensors.entrySet());
    ordered.sort(ORDER);
    byte[] header = header(ordered, metadata);
    out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length)
        .array());
    out.write(header);
    ByteBuffer chunk = ByteBuffer.allocate(ElementReader.CHUNK_BYTES)
        .order(ByteOrder.LITTLE_ENDIAN);
    for (Map.Entry<String, Tensor> e : ordered) {
      writeData(out, e.getValue(), chunk);
    }
  }

  private static byte[] header(List<Map.Entry<String, Tensor>> ordered,
      Map<String, String> metadata) {
    StringBuilder json = new StringBuilder("{");
    if (!metadata.isEmpty()) {
      json.append(Json.quote(SafetensorsHeader.METADATA_KEY)).append(":{");
      List<String> keys = new ArrayList<>(metadata.keySet());
      keys.sort(Comparator.comparing(k -> k.getBytes(StandardCharsets.UTF_8),
          Arrays::compareUnsigned));
      for (int i = 0; i < keys.size(); i++) {
        json.append(i == 0 ? "" : ",").append(Json.quote(keys.get(i))).append(':')
            .append(Json.quote(metadata.get(keys.get(i))));
      }
      json.append('}');
    }
    long offset = 0;
    for (Map.Entry<String, Tensor> e : ordered) {
      String name = e.getKey();
      if (name.equals(SafetensorsHeader.METADATA_KEY)) {
        throw new IllegalArgumentException(
            "tensor name " + Json.quote(name) + " is reserved for the metadata map");
      }
      Tensor t = e.getValue();
      long end = offset + (long) t.size() * t.dtype().byteSize();
      json.append(json.length() > 1 ? "," : "").append(Json.quote(name))
          .append(":{\"dtype\":\"").append(t.dtype().name()).append("\",\"shape\":[");
      int[] dims = t.shape().dims();
      for (int i = 0; i < dims.length; i++) {
        json.append(i == 0 ? "" : ",").append(dims[i]);
      }
      json.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
      offset = end;
    }
    json.append('}');
    byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (bytes.length + 7) / 8 * 8;
    if (padded > SafetensorsHeader.MAX_HEADER_BYTES) {
      throw new IllegalArgumentException("the header would be " + padded
          + " bytes, over the limit of " + SafetensorsHeader.MAX_HEADER_BYTES);
    }
    byte[] result = Arrays.copyOf(bytes, padded);
    Arrays.fill(result, bytes.length, padded, (byte) ' ');
    return result;
  }

  /** Little-endian element bytes, one chunk at a time. */
  private static void writeData(OutputStream out, Tensor t, ByteBuffer chunk) throws IOException {
    int perChunk = chunk.capacity() / t.dtype().byteSize();
    for (int at = 0; at < t.size(); at += perChunk) {
      int count = Math.min(perChunk, t.size() - at);
      chunk.clear();
      if (t.dtype() == DType.F32) {
        chunk.asFloatBuffer().put(t.f32(), at, count);
      } else {
        chunk.asDoubleBuffer().put(t.f64(), at, count);
      }
      out.write(chunk.array(), 0, count * t.dtype().byteSize());
    }
  }
}
