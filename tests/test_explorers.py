"""helpers.explorers: the explorer widget draws outside pyplot, ignores a browser's
rounding echo, and leaves a drawing (not a widget repr) for readers without a kernel."""

import json
from pathlib import Path

import matplotlib.pyplot as plt
import pytest
from ipywidgets import Dropdown, FloatLogSlider, FloatSlider, IntSlider
from matplotlib.figure import Figure

from helpers.explorers import Explorer, explore

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


class Recorder:
    """A draw function that remembers what it was asked to draw."""

    def __init__(self):
        self.calls = []

    def __call__(self, x, name="a", ax=None):
        self.calls.append((x, name))
        ax.plot([0, x], [0, 1])
        ax.set_title(f"{name} {x}")
        return ax


def make(draw=None, **controls):
    controls = controls or {"x": FloatSlider(value=4, min=-6, max=6, step=0.5)}
    return explore(draw or Recorder(), figsize=(3, 2), **controls)


def test_first_drawing_uses_the_initial_values_on_a_figure_pyplot_does_not_track():
    draw = Recorder()
    before = plt.get_fignums()
    explorer = make(
        draw, name=Dropdown(options=["a", "b"]), x=FloatSlider(value=4, min=-6, max=6, step=0.5)
    )
    assert isinstance(explorer, Explorer)
    assert draw.calls == [(4.0, "a")]
    assert isinstance(explorer.figure, Figure)
    assert explorer.figure.axes[0].get_title() == "a 4.0"
    assert explorer.figure.get_size_inches().tolist() == [3, 2]
    assert plt.get_fignums() == before  # post-execute hooks on another thread cannot touch it


def test_sliders_send_their_value_only_when_released():
    slider = FloatLogSlider(value=0.5, base=2, min=-2, max=4, step=0.05)
    assert slider.continuous_update
    make(x=slider)
    assert slider.continuous_update is False


def test_a_rounding_echo_from_the_browser_does_not_redraw():
    draw = Recorder()
    slider = FloatSlider(value=4, min=-6, max=6, step=0.5)
    explorer = make(draw, x=slider)
    first = explorer.figure
    slider.value = 4.000000000000002  # what the browser's slider sends back for 4
    assert draw.calls == [(4.0, "a")]
    assert explorer.figure is first
    slider.value = 3.5
    assert draw.calls == [(4.0, "a"), (3.5, "a")]
    assert explorer.figure is not first
    assert explorer.values() == {"x": 3.5}


def test_values_are_rounded_to_twelve_significant_digits_and_keep_their_type():
    explorer = make(x=FloatLogSlider(value=0.49999999999999994, base=2, min=-2, max=4, step=0.05))
    assert explorer.values() == {"x": 0.5}
    draw = Recorder()
    make(draw, x=IntSlider(value=3, min=0, max=5), name=Dropdown(options=["b", "c"]))
    assert draw.calls == [(3, "b")]
    assert isinstance(draw.calls[0][0], int)


def test_readers_without_a_kernel_get_a_note_not_the_widget_repr():
    explorer = make(x=FloatSlider(value=1, description="u1"))
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "interactive(" not in bundle["text/plain"]
    assert "u1" in bundle["text/plain"] and "first drawing" in bundle["text/plain"]


def test_bad_arguments_are_named():
    slider = FloatSlider(value=1)
    with pytest.raises(TypeError, match="draw"):
        explore("not a function", figsize=(3, 2), x=slider)
    with pytest.raises(TypeError, match="ax"):
        explore(lambda x: None, figsize=(3, 2), x=slider)
    for figsize in [(3,), (3, -2), ("3", 2), (True, 2), 3]:
        with pytest.raises(ValueError, match="figsize"):
            explore(Recorder(), figsize=figsize, x=slider)
    with pytest.raises(ValueError, match="control"):
        explore(Recorder(), figsize=(3, 2))
    with pytest.raises(TypeError, match="control x"):
        explore(Recorder(), figsize=(3, 2), x=0.5)
    with pytest.raises(ValueError, match=r"no parameter for \['y'\]"):
        explore(Recorder(), figsize=(3, 2), x=slider, y=FloatSlider())
    with pytest.raises(ValueError, match=r"no control for \['x'\]"):
        explore(Recorder(), figsize=(3, 2), name=Dropdown(options=["a"]))


# --- the stored notebooks: what GitHub and an HTML export show ------------------------


def _explorer_cells():
    for path in NOTEBOOKS:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for index, cell in enumerate(cells):
            if cell["cell_type"] == "code" and "explore(" in "".join(cell["source"]):
                yield path.name, index, cell


def test_every_stored_explorer_shows_its_first_drawing_and_no_widget_repr():
    cells = list(_explorer_cells())
    assert len(cells) >= 3
    for name, index, cell in cells:
        outputs = cell["outputs"]
        images = [o for o in outputs if "image/png" in o.get("data", {})]
        assert len(images) == 1, f"{name} cell {index}: {len(images)} stored drawings"
        texts = [
            "".join(o.get("data", {}).get("text/plain", "")) + "".join(o.get("text", ""))
            for o in outputs
        ]
        assert not any("interactive(" in t for t in texts), f"{name} cell {index}"


def test_no_stored_output_anywhere_is_a_widget_repr():
    for path in NOTEBOOKS:
        assert "interactive(children=" not in path.read_text(encoding="utf-8"), path.name
