package io.gradlight.tensor.io;

import java.util.Optional;

/**
 * Every element type of the safetensors format, with its size in bits and how gradlight reads it.
 *
 * <p>Reading: {@link Kind#FLOAT} types become {@code Tensor}s (F16 and BF16 widened exactly to
 * F32, F32 and F64 as they are); {@link Kind#INTEGER} and {@link Kind#BOOL} types become {@link
 * IntegerArray}s; {@link Kind#LISTED_ONLY} types (the 8-, 6- and 4-bit floats and C64) are
 * listed with their shape and size but their values are not read.
 */
public enum SafetensorsDType {
  BOOL(8, Kind.BOOL),
  U8(8, Kind.INTEGER),
  I8(8, Kind.INTEGER),
  U16(16, Kind.INTEGER),
  I16(16, Kind.INTEGER),
  U32(32, Kind.INTEGER),
  I32(32, Kind.INTEGER),
  U64(64, Kind.INTEGER),
  I64(64, Kind.INTEGER),
  F16(16, Kind.FLOAT),
  BF16(16, Kind.FLOAT),
  F32(32, Kind.FLOAT),
  F64(64, Kind.FLOAT),
  F8_E5M2(8, Kind.LISTED_ONLY),
  F8_E4M3(8, Kind.LISTED_ONLY),
  F8_E4M3FNUZ(8, Kind.LISTED_ONLY),
  F8_E5M2FNUZ(8, Kind.LISTED_ONLY),
  F8_E8M0(8, Kind.LISTED_ONLY),
  F6_E2M3(6, Kind.LISTED_ONLY),
  F6_E3M2(6, Kind.LISTED_ONLY),
  F4(4, Kind.LISTED_ONLY),
  C64(64, Kind.LISTED_ONLY);

  /** How values of a dtype are read. */
  public enum Kind {
    FLOAT,
    INTEGER,
    BOOL,
    LISTED_ONLY
  }

  private final int bits;
  private final Kind kind;

  SafetensorsDType(int bits, Kind kind) {
    this.bits = bits;
    this.kind = kind;
  }

  /** Bits per element (sub-byte types pack several elements per byte). */
  public int bits() {
    return bits;
  }

  /** How gradlight reads values of this type. */
  public Kind kind() {
    return kind;
  }

  /** Whether values are signed integers ({@code I8} .. {@code I64}). */
  public boolean isSignedInteger() {
    return this == I8 || this == I16 || this == I32 || this == I64;
  }

  /**
   * Alignment used by the reference writer to order tensors (larger first): the element size in
   * bytes, at least 1.
   */
  public int alignment() {
    return Math.max(1, bits / 8);
  }

  /** The dtype spelled {@code name} in a header, exactly as the format writes it. */
  public static Optional<SafetensorsDType> fromName(String name) {
    for (SafetensorsDType d : values()) {
      if (d.name().equals(name)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
