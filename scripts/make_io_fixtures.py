#!/usr/bin/python3
"""Interop fixtures for gradlight's .npy and safetensors readers and writers.

Run with Debian's Python (numpy; torch for the F16/BF16 conversions):

    /usr/bin/python3 scripts/make_io_fixtures.py generate
        Writes tensor/src/test/resources/fixtures/io/{npy,safetensors}/ and expected.json:
        .npy files written by numpy itself (np.save / np.lib.format.write_array) and a
        safetensors file, plus the values a reader must see.

    /usr/bin/python3 scripts/make_io_fixtures.py check-java [DIR]
        Checks the files gradlight's Java writers produced (default: the committed
        tensor/src/test/resources/fixtures/io/java_written/): each .npy must load in numpy with
        the expected values and be byte-identical to what np.save writes for the same array; the
        safetensors file must follow the format's rules and hold the expected values. The Java
        test JavaWrittenFilesTest writes the same files to tensor/target/java_written/ and
        compares them byte for byte with the committed ones; to refresh those, copy them over
        and run this check again.

The safetensors file is written here with struct + json exactly per the format's specification
(8-byte little-endian header length, compact JSON header padded with spaces to a multiple of 8,
tensors ordered by dtype descending then name, consecutive data offsets), because Debian has no
python3-safetensors package. Its bytes therefore come from this independent writer, not from the
reference Rust implementation.
"""

import io
import json
import os
import struct
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "tensor", "src", "test", "resources", "fixtures", "io")

# The reference Dtype enum order; the writer sorts by it descending, then by name.
DTYPE_ORDER = ["BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "I16", "U16", "F16", "BF16",
               "I32", "U32", "F32", "F64", "I64", "U64"]
# numpy dtypes for the raw data (numpy has no bfloat16: its raw bits as <u2).
NUMPY_OF = {"BOOL": "|b1", "U8": "|u1", "I8": "|i1", "I16": "<i2", "U16": "<u2", "F16": "<f2",
            "BF16": "<u2", "I32": "<i4", "U32": "<u4", "F32": "<f4", "F64": "<f8", "I64": "<i8",
            "U64": "<u8"}


def json_values(flat):
    """Exact JSON for array values: floats as the shortest repr of the double; nan, inf, -inf and
    -0.0 (which JSON numbers cannot carry exactly) as strings."""
    out = []
    for v in flat:
        if isinstance(v, (bool, np.bool_)):
            out.append(int(v))
        elif isinstance(v, (int, np.integer)):
            out.append(int(v))
        elif np.isnan(v):
            out.append("nan")
        elif np.isinf(v):
            out.append("inf" if v > 0 else "-inf")
        elif v == 0 and np.signbit(v):
            out.append("-0.0")
        else:
            out.append(float(v))
    return out


def describe(a, **extra):
    d = {"dtype": a.dtype.str, "shape": list(a.shape),
         "values": json_values(np.ravel(a, order="C").tolist())}
    d.update(extra)
    return d


def safetensors_bytes(tensors, metadata):
    """tensors: {name: (dtype_name, shape, raw little-endian bytes)} -> file bytes."""
    order = sorted(tensors, key=lambda n: (-DTYPE_ORDER.index(tensors[n][0]), n.encode("utf-8")))
    header = {}
    if metadata:
        header["__metadata__"] = {k: metadata[k] for k in sorted(metadata)}
    offset = 0
    for name in order:
        dtype, shape, raw = tensors[name]
        header[name] = {"dtype": dtype, "shape": list(shape),
                        "data_offsets": [offset, offset + len(raw)]}
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(tensors[n][2] for n in order)


def read_safetensors(data):
    """An independent strict reader: returns (metadata, {name: numpy array}) or raises."""
    assert len(data) >= 8, "file shorter than 8 bytes"
    (n,) = struct.unpack("<Q", data[:8])
    assert n <= 100_000_000 and 8 + n <= len(data), "bad header length %d" % n
    assert n % 8 == 0, "header length %d not a multiple of 8" % n

    def no_duplicates(pairs):
        keys = [k for k, _ in pairs]
        assert len(keys) == len(set(keys)), "duplicate keys %s" % keys
        return dict(pairs)

    header = json.loads(data[8:8 + n].decode("utf-8"), object_pairs_hook=no_duplicates)
    metadata = header.pop("__metadata__", {})
    buffer = data[8 + n:]
    arrays, end = {}, 0
    for name, info in sorted(header.items(), key=lambda kv: kv[1]["data_offsets"]):
        assert set(info) == {"dtype", "shape", "data_offsets"}, info
        begin, stop = info["data_offsets"]
        assert begin == end and stop >= begin, "offsets of %s: %s" % (name, info)
        dtype = np.dtype(NUMPY_OF[info["dtype"]])
        count = int(np.prod(info["shape"], dtype=np.int64))
        assert stop - begin == count * dtype.itemsize, "size of %s" % name
        assert (8 + n + begin) % dtype.itemsize == 0, "%s misaligned" % name
        arrays[name] = np.frombuffer(buffer[begin:stop], dtype=dtype).reshape(info["shape"])
        end = stop
    assert end == len(buffer), "%d trailing bytes" % (len(buffer) - end)
    return metadata, arrays


def generate():
    import torch

    assert sys.byteorder == "little", "the raw tensor bytes below assume a little-endian host"
    npy_dir = os.path.join(FIXTURES, "npy")
    st_dir = os.path.join(FIXTURES, "safetensors")
    os.makedirs(npy_dir, exist_ok=True)
    os.makedirs(st_dir, exist_ok=True)
    rng = np.random.default_rng(20261126)
    expected = {"npy": {}, "safetensors": {}}

    arrays = {
        "f4_2x3.npy": rng.standard_normal((2, 3)).astype("<f4"),
        "f8_1d.npy": rng.standard_normal(5).astype("<f8"),
        "f4_0d.npy": np.array(3.25, dtype="<f4"),
        "f4_2x3x4.npy": rng.standard_normal((2, 3, 4)).astype("<f4"),
        "f4_0x3.npy": np.zeros((0, 3), dtype="<f4"),
        "f4_special.npy": np.array([1.5, np.nan, np.inf, -np.inf, -0.0], dtype="<f4"),
        "f8_fortran_3x4.npy": np.asfortranarray(np.arange(12, dtype="<f8").reshape(3, 4) / 8),
        "f4_bigendian_2x2.npy": np.array([[1.0, -2.5], [1e-3, 6e4]], dtype=">f4"),
        "f2_3.npy": np.array([0.5, -65504.0, 6.1e-5], dtype="<f2"),
        "i8_4.npy": np.array([0, -1, 2**62, -2**63], dtype="<i8"),
        "i4_2x2.npy": np.array([[7, -8], [2**31 - 1, -2**31]], dtype="<i4"),
        "u1_4.npy": np.array([0, 1, 128, 255], dtype="|u1"),
        "b1_3.npy": np.array([True, False, True]),
    }
    for name, a in arrays.items():
        np.save(os.path.join(npy_dir, name), a)
        # numpy's own rule for the header flag (lib/format.py header_data_from_array_1_0).
        fortran = bool(a.flags.f_contiguous and not a.flags.c_contiguous)
        expected["npy"][name] = describe(a, fortran_order=fortran)

    v2 = rng.standard_normal((3, 2)).astype("<f8")
    with open(os.path.join(npy_dir, "f8_v2_3x2.npy"), "wb") as f:
        np.lib.format.write_array(f, v2, version=(2, 0))
    expected["npy"]["f8_v2_3x2.npy"] = describe(v2, fortran_order=False)

    # An object array: its data is a pickle, which the Java reader must refuse.
    np.save(os.path.join(npy_dir, "object.npy"), np.array([1, "a"], dtype=object),
            allow_pickle=True)

    torch.manual_seed(0)
    source = {
        "conv.weight": torch.randn(4, 3, 3, 3),
        "conv.bias": torch.randn(4),
        "fc.weight": torch.randn(2, 4, dtype=torch.float64),
        "bn.running_mean": torch.randn(4),
        "bn.num_batches_tracked": torch.tensor(1234567890123, dtype=torch.int64),
        "half": torch.tensor([0.5, -2.0, 65504.0, 6.1e-5, float("inf")]).half(),
        "brain": torch.randn(2, 3).bfloat16(),
        "labels": torch.tensor([-1, 0, 2**31 - 1], dtype=torch.int32),
        "pixels": torch.tensor([[0, 1], [128, 255]], dtype=torch.uint8),
        "mask": torch.tensor([True, False, True]),
    }
    names = {torch.float32: "F32", torch.float64: "F64", torch.float16: "F16",
             torch.bfloat16: "BF16", torch.int64: "I64", torch.int32: "I32",
             torch.uint8: "U8", torch.bool: "BOOL"}
    tensors = {}
    for name, t in source.items():
        dtype = names[t.dtype]
        raw_view = t.view(torch.int16) if dtype == "BF16" else t  # numpy has no bfloat16
        tensors[name] = (dtype, tuple(t.shape), raw_view.contiguous().numpy().tobytes())
        values = t.float() if dtype in ("F16", "BF16") else t  # exact widening, by torch
        expected["safetensors"][name] = {"dtype": dtype, "shape": list(t.shape),
                                         "values": json_values(values.reshape(-1).tolist())}
    metadata = {"format": "pt", "source": "gradlight scripts/make_io_fixtures.py"}
    data = safetensors_bytes(tensors, metadata)
    with open(os.path.join(st_dir, "model.safetensors"), "wb") as f:
        f.write(data)
    expected["safetensors_metadata"] = metadata
    read_safetensors(data)  # the independent reader accepts what was written

    with open(os.path.join(FIXTURES, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote fixtures to", FIXTURES)


# The files JavaWrittenFilesTest writes; the same formulas are in that test. All values are
# exact binary fractions, so Java and numpy compute identical bits.
def java_written_expected():
    return {
        "java_f4_2x3.npy": (np.arange(6) * 0.25 - 0.5).astype("<f4").reshape(2, 3),
        "java_f8_1d.npy": (np.arange(5) * 1.5 - 2).astype("<f8"),
        "java_f4_0d.npy": np.array(-2.5, dtype="<f4"),
        "java_f8_2x3x4.npy": ((np.arange(24) - 7) / 8).astype("<f8").reshape(2, 3, 4),
        "java_f4_0x3.npy": np.zeros((0, 3), dtype="<f4"),
    }


JAVA_SAFETENSORS = {
    "b.weight": (np.arange(6) * 0.25 - 0.5).astype("<f4").reshape(2, 3),
    "a.bias": (np.arange(3) - 1.0).astype("<f4"),
    "c.double": (np.arange(4) / 4).astype("<f8").reshape(2, 2),
    "d.scalar": np.array(7.0, dtype="<f8"),
}
JAVA_METADATA = {"format": "pt", "written_by": "gradlight"}


def check_java(directory):
    for name, want in java_written_expected().items():
        path = os.path.join(directory, name)
        got = np.load(path, allow_pickle=False)
        assert got.dtype == want.dtype and got.shape == want.shape, (name, got.dtype, got.shape)
        assert np.array_equal(got, want), name
        golden = io.BytesIO()
        np.save(golden, want)
        with open(path, "rb") as f:
            assert f.read() == golden.getvalue(), name + " differs from np.save's bytes"
        print("ok", name, "(values and bytes equal numpy's)")
    path = os.path.join(directory, "java.safetensors")
    with open(path, "rb") as f:
        data = f.read()
    metadata, arrays = read_safetensors(data)
    assert metadata == JAVA_METADATA, metadata
    assert set(arrays) == set(JAVA_SAFETENSORS), sorted(arrays)
    for name, want in JAVA_SAFETENSORS.items():
        assert arrays[name].dtype == want.dtype and np.array_equal(arrays[name], want), name
    tensors = {n: ("F32" if a.dtype == np.float32 else "F64", a.shape, a.tobytes())
               for n, a in JAVA_SAFETENSORS.items()}
    assert data == safetensors_bytes(tensors, JAVA_METADATA), \
        "java.safetensors differs from the spec writer's bytes"
    print("ok java.safetensors (values, layout and bytes)")


def main(argv):
    if len(argv) >= 2 and argv[1] == "generate":
        generate()
    elif len(argv) >= 2 and argv[1] == "check-java":
        check_java(argv[2] if len(argv) > 2 else os.path.join(FIXTURES, "java_written"))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
