"""Single data files: CSV, TSV, JSON Lines, a JSON list and fastText lines."""

from __future__ import annotations

import csv
import json

import pytest

from wordvec.data import load_dataset
from wordvec.errors import DatasetError

ROWS = [(f"text number {i}, with a comma and \"quotes\"", "pos" if i % 2 else "neg")
        for i in range(10)]


def _load(path, **options):
    ds = load_dataset(path, test_size=None, **options)
    split = ds.split("train")
    return ds, list(zip(split.texts, split.labels, strict=True))


@pytest.mark.parametrize("suffix, delimiter", [(".csv", ","), (".tsv", "\t")])
def test_csv_and_tsv_default_columns(tmp_path, suffix, delimiter):
    path = tmp_path / f"reviews{suffix}"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(["id", "Review", "Sentiment"])
        writer.writerows([i, text, label] for i, (text, label) in enumerate(ROWS))
    ds, rows = _load(path)
    assert rows == ROWS
    assert ds.report.layout == ("CSV" if suffix == ".csv" else "TSV")
    assert ds.report.rows_read == 10 and ds.name == "reviews"


def test_csv_named_columns_multiline_and_empty_rows(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text('body,text,tag\n"line one\nline two",ignored,a\n,ignored,b\nthree,x,\n'
                    'four,y,b\n', encoding="utf-8")
    ds, rows = _load(path, text_column="body", label_column="tag")
    assert rows == [("line one\nline two", "a"), ("four", "b")]
    assert ds.report.empty == ["data.csv:4", "data.csv:5"]


def test_csv_named_column_missing_lists_the_columns(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("text,label\na,x\nb,y\n", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"no label column 'topic' \(columns found: text, "
                                           r"label\)"):
        load_dataset(path, label_column="topic")


def test_jsonl_and_json_list(tmp_path):
    records = [{"text": text, "label": label, "extra": 1} for text, label in ROWS]
    records[3]["label"] = ["pos", "other"]  # a list keeps its first element
    lines = tmp_path / "data.jsonl"
    lines.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    listing = tmp_path / "data.json"
    listing.write_text(json.dumps(records), encoding="utf-8")
    expected = [(t, "pos" if i == 3 else label) for i, (t, label) in enumerate(ROWS)]
    assert _load(lines)[1] == expected
    assert _load(listing)[1] == expected


def test_jsonl_numeric_labels_become_strings(tmp_path):
    path = tmp_path / "data.ndjson"
    path.write_text('{"sentence": "a", "target": 0}\n{"sentence": "b", "target": 1}\n',
                    encoding="utf-8")
    assert _load(path)[1] == [("a", "0"), ("b", "1")]


def test_jsonl_row_that_is_not_an_object(tmp_path):
    path = tmp_path / "data.jsonl"
    path.write_text('{"text": "a", "label": "x"}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(DatasetError, match="row 2: expected an object"):
        load_dataset(path)


def test_fasttext_lines_first_label_kept(tmp_path):
    path = tmp_path / "train.txt"
    path.write_text("__label__sport The match ended 2-1\n\n"
                    "__label__money __label__sport  Shares fell\n"
                    "__label__money Bank rates rise\n", encoding="utf-8")
    ds, rows = _load(path)
    assert rows == [("The match ended 2-1", "sport"), ("Shares fell", "money"),
                    ("Bank rates rise", "money")]
    assert any("1 fastText line had several labels" in line for line in ds.report.lines())


def test_fasttext_line_without_label(tmp_path):
    path = tmp_path / "train.ft"
    path.write_text("__label__a one\n__label__b two\nthree\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="line 3: no __label__ prefix"):
        load_dataset(path)


def test_file_undecodable_bytes_and_encoding_option(tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes("text,label\ncaf\xe9,a\nna\xefve,b\n".encode("latin-1"))
    ds, rows = _load(path)
    assert rows == [("caf\ufffd", "a"), ("na\ufffdve", "b")]
    assert ds.report.replaced == {"data.csv": 2}
    ds, rows = _load(path, encoding="latin-1")
    assert rows == [("café", "a"), ("naïve", "b")] and not ds.report.replaced


def test_utf8_bom_does_not_hide_the_first_column(tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes(b"\xef\xbb\xbftext,label\na,x\nb,y\n")
    assert _load(path)[1] == [("a", "x"), ("b", "y")]
