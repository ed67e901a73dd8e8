package io.gradlight.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A page of explanations side by side: a title, an introduction, the sections and a footer line
 * (how and when the page was made). {@link GalleryWriter} turns it into one self-contained HTML
 * file.
 */
public record Gallery(String title, String intro, List<Section> sections, String footer) {
  public Gallery {
    sections = List.copyOf(sections);
    Set<String> ids = new HashSet<>();
    for (Section s : sections) {
      if (!ids.add(s.id())) {
        throw new IllegalArgumentException("two gallery sections share the id '" + s.id() + "'");
      }
    }
    footer = footer == null ? "" : footer;
  }
}
