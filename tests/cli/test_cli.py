"""The `placeready` command line, exactly as docs/formats.md fixes it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from assessment import cli
from assessment.content.framework import builtin_framework, builtin_framework_ids
from assessment.services.demo import demo_responses
from tests.conftest import DATA, ROOT

TINY = str(DATA / "frameworks" / "tiny.yaml")
CONTRACT_KEYS = {
    "top": {"framework", "participants", "overall", "principles", "statements", "by_sector"},
    "overall": {"mean", "level", "alpha_ordinal", "alpha_interval"},
    "principle": {"id", "name", "mean", "median", "n", "rwg", "ad", "dont_know", "level"},
    "statement": {"id", "principle", "mean", "median", "n", "rwg", "ad", "dont_know"},
}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assessment", *args], capture_output=True, text=True, cwd=ROOT, timeout=60, check=False
    )


def test_validate_prints_id_and_counts(capsys):
    assert cli.main(["validate", TINY]) == 0
    assert capsys.readouterr().out == "tiny (version 1): 3 principles, 4 statements\n"


@pytest.mark.parametrize("framework_id", builtin_framework_ids())
def test_validate_builtin_frameworks(capsys, framework_id):
    assert cli.main(["validate", str(ROOT / "principles" / f"{framework_id}.yaml")]) == 0
    principles = 6 if framework_id == "neighbourhood-health-2025" else 10
    assert capsys.readouterr().out.startswith(f"{framework_id} (version 1): {principles} principles, ")


def test_score_prints_the_contract_json(capsys, tmp_path):
    responses = tmp_path / "r.csv"
    responses.write_text(
        "participant,statement,score,sector\np1,a1,3,acute\np1,a2,4,acute\np2,a1,5,VCSE\np2,b1,dk,VCSE\n"
    )
    assert cli.main(["score", "--framework", TINY, "--responses", str(responses)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert CONTRACT_KEYS["top"] <= result.keys()
    assert CONTRACT_KEYS["overall"] <= result["overall"].keys()
    assert all(CONTRACT_KEYS["principle"] <= p.keys() for p in result["principles"])
    assert all(CONTRACT_KEYS["statement"] <= s.keys() for s in result["statements"])
    assert result["framework"] == "tiny"
    assert result["participants"] == 2
    assert result["statements"][0] == {
        "id": "a1", "principle": "alpha", "mean": 4.0, "median": 4.0, "n": 2,
        "rwg": 0.0, "ad": 1.0, "dont_know": 0.0,
    }
    assert result["by_sector"] == {
        "VCSE": {"alpha": 5.0, "beta": None, "gamma": None},
        "acute": {"alpha": 3.5, "beta": None, "gamma": None},
    }


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["validate", str(DATA / "bad_frameworks" / "unsafe_tag.yaml")], "is not allowed"),
        (["validate", "no/such/file.yaml"], "cannot be read"),
        (["score", "--framework", "nope", "--responses", "x.csv"], "neither a YAML file nor a built-in"),
        (["score", "--framework", TINY, "--responses", str(DATA / "bad_responses" / "several_problems.csv")],
         "line 5"),
    ],
)
def test_bad_input_exits_2_with_a_message_and_no_traceback(capsys, args, fragment):
    assert cli.main(args) == 2
    captured = capsys.readouterr()
    assert fragment in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""


def test_an_unexpected_fault_exits_1_without_a_traceback(capsys, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(cli, "load_framework", broken)
    assert cli.main(["validate", TINY]) == 1
    err = capsys.readouterr().err
    assert "unexpected fault" in err and "disk on fire" in err and "Traceback" not in err


CORPUS = [["validate", str(path)] for path in sorted((DATA / "bad_frameworks").glob("*.yaml"))] + [
    ["score", "--framework", TINY, "--responses", str(path)]
    for path in sorted((DATA / "bad_responses").glob("*.csv"))
]


@pytest.mark.parametrize("args", CORPUS, ids=lambda args: args[-1].rsplit("/", 1)[-1])
def test_every_file_in_the_bad_corpus_exits_2_naming_the_file(capsys, args):
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(args[-1] + ": ")
    assert "line " in err or "the file is empty" in err  # it points at the problem
    assert "Traceback" not in err


def test_the_installed_module_behaves_the_same_in_a_real_process():
    assert run("validate", TINY).returncode == 0
    for args in (CORPUS[0], CORPUS[-1]):
        done = run(*args)
        assert done.returncode == 2
        assert args[-1] in done.stderr and "Traceback" not in done.stderr


def test_usage_errors_exit_2():
    done = run("score", "--framework", TINY)
    assert done.returncode == 2
    assert "--responses" in done.stderr


def test_exemplars_lists_every_profile_with_coverage(capsys):
    from assessment.content.exemplar import exemplar_ids

    assert cli.main(["exemplars", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["id"] for row in rows] == exemplar_ids()
    for row in rows:
        assert set(row["frameworks"]) == set(builtin_framework_ids())
        for framework_id, coverage in row["frameworks"].items():
            assert coverage["principles"] == len(builtin_framework(framework_id).principles)
            assert 0 <= coverage["scored"] <= coverage["principles"]
            assert coverage["mean_confidence"] is None or 1 <= coverage["mean_confidence"] <= 3
    assert cli.main(["exemplars"]) == 0
    text = capsys.readouterr().out
    assert "judgements" in text and "salford" in text


def test_compare_prints_gaps_largest_first(capsys, tmp_path):
    from assessment.content.demo import load_demo
    from assessment.engine.responses import responses_csv

    answers = tmp_path / "baseline.csv"
    answers.write_text(responses_csv(demo_responses(load_demo().workshops[0], "ham-2015")))
    args = ["compare", "--framework", "ham-2015", "--responses", str(answers),
            "--exemplar", "salford", "--exemplar", "wigan"]
    assert cli.main([*args, "--json"]) == 0
    gaps = json.loads(capsys.readouterr().out)
    assert {g["exemplar"] for g in gaps} == {"salford", "wigan"}
    assert len(gaps) == 20
    behind = [g["gap"] for g in gaps if g["kind"] == "behind"]
    assert behind == sorted(behind, reverse=True) and behind
    assert all(g["practice"] for g in gaps if g["kind"] == "behind")
    unknown = [g for g in gaps if g["kind"] == "exemplar not assessed"]
    assert all(g["gap"] is None and g["not_assessed_reason"] for g in unknown)
    assert cli.main(args) == 0
    assert "what they did" in capsys.readouterr().out


def test_compare_refuses_an_unknown_exemplar(capsys):
    assert cli.main(["compare", "--framework", "ham-2015", "--responses", "x.csv", "--exemplar", "atlantis"]) == 2
    assert "no exemplar has the id 'atlantis'" in capsys.readouterr().err
