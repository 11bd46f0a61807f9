"""Every bad source ends in one DatasetError whose message is one line naming the problem."""

from __future__ import annotations

import pytest

from wordvec.data import Dataset, Split, load_dataset
from wordvec.errors import DatasetError

from .conftest import load_helper

BAD = load_helper("bad_sources")


@pytest.mark.parametrize("build", BAD.BAD_SOURCES, ids=lambda f: f.__name__)
def test_bad_source_raises_one_clear_line(build, tmp_path):
    source, fragments = build(tmp_path)
    with pytest.raises(DatasetError) as info:
        load_dataset(source)
    message = str(info.value)
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message


def test_unknown_split_name_is_a_dataset_error():
    ds = Dataset("toy", {"train": Split(["a", "b"], ["x", "y"])})
    with pytest.raises(DatasetError, match="no split 'validation'"):
        ds.split("validation")


def test_unknown_reader_option(tmp_path):
    root = BAD.write_tree(tmp_path / "d", BAD.TWO_CLASSES)
    with pytest.raises(DatasetError, match="unknown reader option 'colour'"):
        load_dataset(root, colour="red")


@pytest.mark.parametrize("options, fragment", [
    ({"test_size": 1.5}, "test_size as a fraction"),
    ({"test_size": 0}, "test_size as a count"),
    ({"validation_size": "half"}, "validation_size must be a fraction or a count"),
    ({"validation_size": 0.2, "validation_samples": 2}, "not both"),
    ({"train_samples": 0}, "train_samples must be a positive whole number"),
    ({"train_samples": 7, "validation_samples": 2}, "more than the 8 training texts"),
])
def test_bad_split_options(options, fragment, tmp_path):
    root = BAD.write_tree(tmp_path / "d", BAD.TWO_CLASSES)
    with pytest.raises(DatasetError, match=fragment):
        load_dataset(root, **options)


def test_empty_and_undecodable_files_are_not_errors(tmp_path):
    files = {**BAD.TWO_CLASSES, "pos/empty.txt": b"", "neg/blank.txt": b" \n\t",
             "pos/latin.txt": b"caf\xe9 cr\xe8me \xff"}
    ds = load_dataset(BAD.write_tree(tmp_path / "d", files), test_size=None)
    texts = ds.split("train").texts
    assert len(texts) == 11
    assert "caf\ufffd cr\ufffdme \ufffd" in texts
    assert sorted(ds.report.empty) == ["neg/blank.txt", "pos/empty.txt"]
    assert ds.report.replaced == {"pos/latin.txt": 3}
    assert ds.report.files_read == 13
