package io.gradlight.cli;

import io.gradlight.tensor.io.NpyHeader;
import io.gradlight.tensor.io.NpyReader;
import io.gradlight.tensor.io.SafetensorsDType;
import io.gradlight.tensor.io.SafetensorsEntry;
import io.gradlight.tensor.io.SafetensorsFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code gradlight inspect FILE [--stats]}: lists the tensors of a safetensors or {@code .npy}
 * file (name, dtype, shape, bytes) in an aligned table; {@code --stats} reads every value and adds
 * the minimum, maximum and mean of the finite values and the NaN and Inf counts. The format is
 * recognised by the {@code .npy} magic bytes, else taken to be safetensors.
 */
final class InspectCommand implements Command {
  private static final String STATS = "--stats";

  @Override
  public String name() {
    return "inspect";
  }

  @Override
  public String summary() {
    return "list the tensors of a .safetensors or .npy file";
  }

  @Override
  public Options options() {
    return new Options(name(), "List the tensors of a .safetensors or .npy file: name, dtype,"
        + " shape and size in bytes.")
        .positional("FILE", "a .safetensors or .npy file")
        .flag(STATS, "also read every value: min, max and mean of the finite values, NaN and"
            + " Inf counts");
  }

  @Override
  public int run(ParsedArgs args, PrintStream out, PrintStream err) throws Exception {
    String file = args.positional("FILE");
    Path path = Path.of(file);
    if (Files.isDirectory(path)) {
      throw new CliException(file + ": is a directory, not a .safetensors or .npy file");
    }
    if (!Files.exists(path)) {
      throw new CliException(file + ": no such file");
    }
    boolean stats = args.flag(STATS);
    if (NpyReader.hasMagic(prefix(path)) || file.endsWith(".npy")) {
      out.print(npy(path, stats));
    } else {
      out.print(safetensors(path, stats));
    }
    return 0;
  }

  private static String safetensors(Path path, boolean stats) throws IOException {
    try (SafetensorsFile f = SafetensorsFile.open(path)) {
      StringBuilder b = new StringBuilder(path + ": safetensors, " + f.entries().size()
          + (f.entries().size() == 1 ? " tensor, " : " tensors, ") + Files.size(path)
          + " bytes\n");
      if (!f.metadata().isEmpty()) {
        TextTable meta = new TextTable();
        for (Map.Entry<String, String> e : f.metadata().entrySet()) {
          meta.row("  " + e.getKey(), oneLine(e.getValue()));
        }
        b.append("metadata:\n").append(meta.render());
      }
      TextTable table = header(stats);
      for (SafetensorsEntry e : f.entries()) {
        List<String> row = new ArrayList<>(List.of(e.name(), e.dtype().name(), e.shapeString(),
            String.valueOf(e.byteSize())));
        if (stats) {
          row.addAll(statsCells(switch (e.dtype().kind()) {
            case FLOAT -> TensorStats.of(f.tensor(e.name()));
            case INTEGER, BOOL -> TensorStats.of(f.integers(e.name()));
            case LISTED_ONLY -> null;
          }));
        }
        table.row(row.toArray(String[]::new));
      }
      b.append('\n').append(table.render());
      if (stats && f.entries().stream().anyMatch(
          e -> e.dtype().kind() == SafetensorsDType.Kind.LISTED_ONLY)) {
        b.append("(values of 8-, 6- and 4-bit floats and C64 are not read)\n");
      }
      return b.toString();
    }
  }

  private static String npy(Path path, boolean stats) throws IOException {
    NpyHeader h = NpyReader.header(path);
    String name = path.getFileName().toString();
    List<String> row = new ArrayList<>(List.of(name, h.dtype().descr(), h.shapeString(),
        String.valueOf(h.elementCount() * h.dtype().byteSize())));
    if (stats) {
      row.addAll(statsCells(h.dtype().isFloat() ? TensorStats.of(NpyReader.tensor(path))
          : TensorStats.of(NpyReader.integers(path))));
    }
    TextTable table = header(stats).row(row.toArray(String[]::new));
    return path + ": npy version " + h.version() + ".0" + (h.fortranOrder() ? ", Fortran order"
        : "") + ", " + Files.size(path) + " bytes\n\n" + table.render();
  }

  private static TextTable header(boolean stats) {
    TextTable table = new TextTable().rightAlign(3, 4, 5, 6, 7, 8);
    return stats ? table.row("name", "dtype", "shape", "bytes", "min", "max", "mean", "nan", "inf")
        : table.row("name", "dtype", "shape", "bytes");
  }

  /** The five statistics cells; dashes for a dtype whose values are not read. */
  private static List<String> statsCells(TensorStats s) {
    if (s == null) {
      return List.of("-", "-", "-", "-", "-");
    }
    return List.of(TensorStats.format(s.min()), TensorStats.format(s.max()),
        TensorStats.format(s.mean()), String.valueOf(s.nanCount()),
        String.valueOf(s.infCount()));
  }

  private static byte[] prefix(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(6);
    }
  }

  /** Metadata values may hold newlines (JSON strings); a table cell may not. */
  private static String oneLine(String s) {
    return s.replace("\r", "\\r").replace("\n", "\\n");
  }
}
