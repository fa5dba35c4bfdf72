"""``nbrun`` runs notebooks one way, and strips what changes from run to run and nothing else."""

import execute_notebooks
import nbformat
import nbrun
import pytest
from nbclient.exceptions import CellExecutionError
from nbformat.v4 import new_code_cell, new_notebook, new_output


def test_strip_volatile_drops_widget_ids_timings_state_and_python_version_only():
    widget = {"model_id": "3f2a", "version_major": 2, "version_minor": 0}
    shown = "interactive(children=(FloatSlider(value=2.0),))"
    cell = new_code_cell(
        "interact(f, p=2)",
        outputs=[new_output("display_data", data={"text/plain": shown, nbrun.WIDGET_VIEW: widget})],
    )
    cell.metadata["execution"] = {"iopub.execute_input": "2026-11-22T00:00:00Z"}
    cell.metadata["tags"] = ["solution"]
    nb = new_notebook(cells=[cell])
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {}}
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.7"}
    nb.metadata["kernelspec"] = {"name": "venv", "display_name": "venv", "language": "python"}

    nbrun.strip_volatile(nb)

    assert "widgets" not in nb.metadata
    assert nb.metadata["language_info"] == {"name": "python"}
    assert nb.metadata["kernelspec"] == nbrun.KERNELSPEC
    assert "execution" not in cell.metadata
    assert cell.metadata["tags"] == ["solution"]
    assert cell.outputs[0]["data"] == {"text/plain": shown}
    nbformat.validate(nb)


def test_consecutive_stream_chunks_are_joined():
    outputs = [
        new_output("stream", name="stdout", text="a\n"),
        new_output("stream", name="stdout", text="b\n"),
        new_output("stream", name="stderr", text="c\n"),
        new_output("display_data", data={"text/plain": "x"}),
        new_output("stream", name="stdout", text="d\n"),
    ]
    joined = nbrun.coalesce_streams(outputs)
    assert [o.get("text") for o in joined] == ["a\nb\n", "c\n", None, "d\n"]


def test_main_without_arguments_prints_usage(capsys):
    assert execute_notebooks.main([]) == 2
    assert "usage" in capsys.readouterr().err


def test_kernels_run_in_the_given_folder_with_the_course_settings(tmp_path, monkeypatch):
    monkeypatch.delenv("PYTHONHASHSEED", raising=False)
    (tmp_path / "data.txt").write_text("here\n")
    probe = "import os\nprint(open('data.txt').read().strip(), os.environ['PYTHONHASHSEED'])"
    ok = new_notebook(cells=[new_code_cell(probe)])
    failing = new_notebook(cells=[new_code_cell("1 / 0"), new_code_cell("print('after')")])

    results = nbrun.execute_many([(failing, tmp_path), (ok, tmp_path)], parallel=2, timeout=60)

    assert isinstance(results[0], CellExecutionError) and "ZeroDivisionError" in str(results[0])
    assert failing.cells[1].outputs == []
    assert results[1] is ok and ok.cells[0].outputs[0]["text"] == "here 0\n"


def test_client_options_reach_nbclient(tmp_path):
    made = nbrun.client(new_notebook(), cwd=tmp_path, timeout=7, allow_errors=True)
    assert (made.timeout, made.allow_errors, made.kernel_name) == (7, True, "python3")
    assert made.resources["metadata"]["path"] == str(tmp_path)
    assert not made.record_timing and not made.store_widget_state
    assert set(made.comm_open_handlers) == {"jupyter.widget"}


def test_execute_many_refuses_zero_kernels():
    with pytest.raises(ValueError, match="parallel must be at least 1, got 0"):
        nbrun.execute_many([], parallel=0)
