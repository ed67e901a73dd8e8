package io.gradlight.demo;

import java.util.List;

/**
 * One section of a {@link Gallery}: an anchor id ({@code [a-z0-9-]+}), a title, an explanation of
 * what it shows (two sentences, by convention), and its blocks in order.
 */
public record Section(String id, String title, String explanation, List<Block> blocks) {
  public Section {
    if (id == null || !id.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException(
          "a section id must be lower-case letters, digits and '-', got '" + id + "'");
    }
    if (title == null || title.isBlank() || explanation == null || explanation.isBlank()) {
      throw new IllegalArgumentException("section '" + id + "' needs a title and an explanation");
    }
    blocks = List.copyOf(blocks);
  }
}
