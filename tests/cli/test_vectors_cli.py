"""`wordvec vectors ...` end to end: answers, JSON, conversion, one-line errors, light imports."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from wordvec.vectors import load_vectors
from wordvec.vectors.evaluate import benchmark_file
from wordvec.vectors.formats import write_vectors


@pytest.fixture(scope="module")
def gensim_data():
    return benchmark_file("questions-words.txt").parent


@pytest.fixture(scope="module")
def glove_text(tmp_path_factory):
    """The first 5,000 embedded GloVe words as a GloVe text file."""
    v = load_vectors("glove-6b-50d", limit=5000)
    path = tmp_path_factory.mktemp("glove") / "glove.5k.txt"
    write_vectors(path, v.vocab, v.matrix)
    return path


def test_analogy_answers_queen(cli) -> None:
    result = cli("vectors", "analogy", "man", "king", "woman")
    assert result.code == 0, result.err
    rows = [line for line in result.out.splitlines() if "│ 1 " in line]
    assert rows and "queen" in rows[0]
    data = json.loads(cli("vectors", "analogy", "man", "king", "woman", "--json",
                          "--topn", "3").out)
    assert data["answers"][0]["word"] == "queen" and len(data["answers"]) == 3
    expected = load_vectors("glove-6b-50d").analogy("man", "king", "woman", topn=3)
    assert [(a["word"], a["cosine"]) for a in data["answers"]] == expected


def test_neighbors_and_similarity_json(cli) -> None:
    v = load_vectors("glove-6b-50d")
    data = json.loads(cli("vectors", "neighbors", "frog", "--topn", "4", "--json").out)
    assert [(n["word"], n["cosine"]) for n in data["neighbors"]] == v.most_similar("frog", 4)
    data = json.loads(cli("vectors", "similarity", "king", "queen", "--json").out)
    assert data["cosine"] == pytest.approx(v.similarity("king", "queen"))
    human = cli("vectors", "similarity", "king", "queen")
    assert f"{v.similarity('king', 'queen'):.4f}" in human.out and human.err == ""


def test_info_on_a_file(cli, gensim_data) -> None:
    data = json.loads(cli("vectors", "info", str(gensim_data / "lee_fasttext.vec"),
                          "--json").out)
    assert (data["words"], data["dim"], data["format"]) == (1762, 10, "fasttext")
    assert data["first_words"][:3] == ["the", "to", "of"]


def test_evaluate_json_on_a_slice(cli, glove_text) -> None:
    result = cli("vectors", "evaluate", "--vectors", str(glove_text), "--json")
    assert result.code == 0, result.err
    scores = json.loads(result.out)
    assert set(scores) == {"analogy", "wordsim353", "simlex999"}
    for name in ("wordsim353", "simlex999"):
        assert {"spearman", "pearson", "oov"} <= set(scores[name])
        assert 0 < scores[name]["oov"] < 1  # 5,000 words miss some pairs
    assert 0 < scores["analogy"]["accuracy"] < 1


@pytest.mark.parametrize("suffix", [".vec", ".bin", ".txt.gz"])
def test_convert_round_trip(cli, gensim_data, tmp_path, suffix) -> None:
    source = gensim_data / "crime-and-punishment.vec"
    dest = tmp_path / f"out{suffix}"
    result = cli("vectors", "convert", str(source), str(dest), "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["words"] == 291
    original, copy = load_vectors(source, cache=False), load_vectors(dest, cache=False)
    assert copy.vocab == original.vocab
    np.testing.assert_array_equal(copy.matrix, original.matrix)


def test_convert_with_explicit_format_and_limit(cli, glove_text, tmp_path) -> None:
    dest = tmp_path / "small.data"
    result = cli("vectors", "convert", str(glove_text), str(dest), "--to", "word2vec",
                 "--limit", "10")
    assert result.code == 0, result.err
    assert dest.read_text().splitlines()[0] == "10 50"


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (("neighbors", "qqzzxq"), ("word not in vocabulary", "qqzzxq")),
        (("analogy", "man", "king", "qqzzxq"), ("qqzzxq",)),
        (("info", "glove-nope"), ("unknown vectors 'glove-nope'", "glove-6b-50d")),
        (("info", "/no/such/vectors.txt"), ("vectors file not found", "/no/such/vectors.txt")),
        (("convert", "glove-6b-50d", "out.txt", "--to", "csv"), ("unknown vectors format",)),
    ],
)
def test_bad_input_is_one_line(cli, args, fragments) -> None:
    cli("vectors", *args).assert_error(*fragments)


def test_differing_dimensions_name_the_line(cli, tmp_path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("a 1 2 3\nb 4 5\n")
    cli("vectors", "info", str(path)).assert_error("bad.txt line 2", "expected 3 values")


def test_commands_do_not_import_keras_or_jax(tmp_path) -> None:
    code = (
        "import sys\n"
        "from wordvec.cli.main import main\n"
        "try:\n"
        "    main(['vectors', 'analogy', 'man', 'king', 'woman', '--json'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print([m for m in ('keras', 'jax', 'tensorflow') if m in sys.modules])\n"
    )
    env = {"WORDVEC_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
    assert '"queen"' in result.stdout


def test_list_shows_the_registry(cli) -> None:
    rows = json.loads(cli("vectors", "list", "--json").out)
    by_name = {row["name"]: row for row in rows}
    assert by_name["glove-6b-50d"]["embedded"] and by_name["glove-6b-300d"]["dim"] == 300
    assert by_name["word2vec-google-news-300"]["format"] == "word2vec-binary"
    human = cli("vectors", "list")
    assert human.code == 0 and "fasttext-crawl-300d-2m" in human.out
