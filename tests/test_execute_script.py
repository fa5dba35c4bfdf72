"""The execution script strips what changes from run to run, and nothing else."""

import importlib.util
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook, new_output

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "execute_notebooks.py"
spec = importlib.util.spec_from_file_location("execute_notebooks", SCRIPT)
execute_notebooks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(execute_notebooks)


def test_strip_volatile_drops_widget_ids_timings_and_state_only():
    widget = {"model_id": "3f2a", "version_major": 2, "version_minor": 0}
    cell = new_code_cell(
        "interact(f, p=2)",
        outputs=[
            new_output(
                "display_data",
                data={
                    "text/plain": "interactive(children=(FloatSlider(value=2.0),))",
                    execute_notebooks.WIDGET_VIEW: widget,
                },
            )
        ],
    )
    cell.metadata["execution"] = {"iopub.execute_input": "2026-11-22T00:00:00Z"}
    cell.metadata["tags"] = ["solution"]
    nb = new_notebook(cells=[cell])
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {}}

    execute_notebooks.strip_volatile(nb)

    assert "widgets" not in nb.metadata
    assert "execution" not in cell.metadata
    assert cell.metadata["tags"] == ["solution"]
    assert cell.outputs[0]["data"] == {
        "text/plain": "interactive(children=(FloatSlider(value=2.0),))"
    }
    nbformat.validate(nb)


def test_main_without_arguments_prints_usage(capsys):
    assert execute_notebooks.main([]) == 2
    assert "usage" in capsys.readouterr().err


def test_consecutive_stream_chunks_are_joined():
    outputs = [
        new_output("stream", name="stdout", text="a\n"),
        new_output("stream", name="stdout", text="b\n"),
        new_output("stream", name="stderr", text="c\n"),
        new_output("display_data", data={"text/plain": "x"}),
        new_output("stream", name="stdout", text="d\n"),
    ]
    joined = execute_notebooks.coalesce_streams(outputs)
    assert [o.get("text") for o in joined] == ["a\nb\n", "c\n", None, "d\n"]
