"""pyarrow's CSV reader as a fast parser of ``word v1 .. vd`` lines (numbers as float64).

``stream_file`` lets Arrow read a plain file itself (no Python-side copies); ``parse_block``
parses one block of lines already in memory. Both refuse anything that is not exactly ``dim + 1``
space-separated fields per line (blank lines included), so callers can fall back to a careful
line-by-line reader that names the bad line.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from wordvec.vectors.rows import RowBuilder

ARROW_BLOCK = 1 << 20


def _options(dim: int, skip_rows: int = 0) -> dict:
    import pyarrow as pa
    import pyarrow.csv as pcsv

    names = ["w", *(f"v{i}" for i in range(dim))]
    return {
        "read_options": pcsv.ReadOptions(column_names=names, block_size=ARROW_BLOCK,
                                         skip_rows=skip_rows),
        "parse_options": pcsv.ParseOptions(
            delimiter=" ", quote_char=False, escape_char=False, double_quote=False,
            newlines_in_values=False, ignore_empty_lines=False,
        ),
        "convert_options": pcsv.ConvertOptions(
            column_types={"w": pa.binary(), **{n: pa.float64() for n in names[1:]}},
            null_values=[], strings_can_be_null=False, quoted_strings_can_be_null=False,
        ),
    }


def _values(batch) -> np.ndarray:
    """The ``(rows, dim)`` float64 values of a record batch (word column dropped)."""
    return np.asarray(batch.drop_columns(["w"]).to_tensor(row_major=True))


def parse_block(block: bytes, dim: int) -> tuple[list[bytes], list[np.ndarray]]:
    """Words and their values (consecutive ``(rows, dim)`` batches) of a block of lines.

    Example:
        >>> words, batches = parse_block(b"a 1 2\\nb 3 4\\n", 2)
        >>> words, batches[0].tolist()
        ([b'a', b'b'], [[1.0, 2.0], [3.0, 4.0]])
    """
    import pyarrow as pa
    import pyarrow.csv as pcsv

    if b" \n" in block:
        block = block.replace(b" \n", b"\n")
    table = pcsv.read_csv(pa.BufferReader(block), **_options(dim))
    return table.column(0).to_pylist(), [_values(batch) for batch in table.to_batches()]


def stream_file(path: Path, dim: int, skip_rows: int, builder: RowBuilder) -> tuple[int, bool]:
    """Parse a plain file with Arrow into ``builder``: ``(lines consumed, finished)``.

    Stops early when the builder is full; on the first line Arrow refuses it returns
    ``finished=False`` and the number of lines before the refused block, so a careful reader
    can take over from there.

    Example:
        >>> import tempfile
        >>> f = Path(tempfile.mkdtemp()) / "v.txt"; _ = f.write_bytes(b"a 1 2\\nb 3 x\\n")
        >>> b = RowBuilder(dim=2, capacity=2)
        >>> stream_file(f, 2, 0, b)
        (0, False)
    """
    import pyarrow as pa
    import pyarrow.csv as pcsv

    consumed = 0
    try:
        with pcsv.open_csv(str(path), **_options(dim, skip_rows)) as reader:
            for batch in reader:
                builder.add_raw(batch.column(0).to_pylist(), _values(batch))
                consumed += batch.num_rows
                if builder.full:
                    break
    except pa.ArrowException:
        return consumed, False
    return consumed, True
