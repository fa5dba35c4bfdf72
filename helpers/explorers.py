"""Interactive explorers: controls that redraw a figure, the same in JupyterLab as on GitHub.

:func:`explore` shows a few controls (sliders, a drop-down) above a figure and redraws
the figure whenever a control is released. It does what ``ipywidgets.interact`` does,
with three differences that the course needs:

- Each drawing goes on a new matplotlib ``Figure`` that pyplot does not know about.
  JupyterLab 4.6 sends widget messages to a second thread of the kernel (a subshell), and
  after every widget message IPython runs its post-execute hooks there, which redraw and
  close every pyplot figure. A pyplot figure that the explorer is drawing at that moment
  comes out blank or half drawn; a figure pyplot does not track cannot be touched.
- Sliders send their value only when released (``continuous_update=False``). A slider
  that updates continuously sends its value back as soon as it appears, rounded by the
  browser (4 becomes 4.000000000000002, a log slider's 0.5 becomes 0.501): the kernel then
  redraws while the next cells run, and the first drawing is no longer the one the text
  describes. Values are also rounded to 12 significant digits, and a drawing is redone
  only when a rounded value changes.
- Where no kernel runs (GitHub, an HTML export), the stored output is the first drawing
  followed by a one-line note, not the text ``interactive(children=(FloatSlider(...``.
"""

from __future__ import annotations

import inspect
import numbers
from collections.abc import Callable

from IPython.core.pylabtools import print_figure
from IPython.display import clear_output, display
from ipywidgets import ValueWidget, interactive
from matplotlib.figure import Figure

SIGNIFICANT_DIGITS = 12


def _rounded(value):
    """A float rounded to 12 significant digits (a browser's 4.000000000000002 is 4.0)."""
    if isinstance(value, numbers.Real) and not isinstance(value, (bool, numbers.Integral)):
        return float(f"{float(value):.{SIGNIFICANT_DIGITS}g}")
    return value


def _any_values(**values) -> None:
    return None


class Explorer(interactive):
    """The widget :func:`explore` returns: the controls and the figure below them."""

    def __init__(self, draw: Callable, figsize: tuple[float, float], controls: dict):
        self._draw = draw
        self._names = list(controls)
        self._figsize = figsize
        self._drawn = None  # the values of the drawing on show
        self.figure = None  # the Figure of the drawing on show
        # interactive checks that the controls fit its function: ``signature`` below does
        # that against ``draw`` (which may be any callable), so it gets one that takes all.
        super().__init__(_any_values, **controls)

    def signature(self) -> inspect.Signature:
        # interactive makes a control for every parameter: only those given here.
        parameters = inspect.signature(self._draw).parameters
        return inspect.Signature([p for n, p in parameters.items() if n in self._names])

    def values(self) -> dict:
        """The controls' current values, rounded, by argument name."""
        return {w._kwarg: _rounded(w.get_interact_value()) for w in self.kwargs_widgets}

    def update(self, *args) -> None:
        """Redraw if a value changed (called by ipywidgets when a control moves)."""
        values = self.values()
        if values == self._drawn:
            return
        self._drawn = values
        with self.out:  # shows a traceback in the output area if drawing fails
            clear_output(wait=True)
            figure = Figure(figsize=self._figsize)
            self._draw(**values, ax=figure.add_subplot())
            self.figure = figure
            # As the inline backend shows a figure, without relying on it being set up yet.
            png = print_figure(figure, "png", bbox_inches="tight", base64=True)
            display({"image/png": png, "text/plain": repr(figure)}, raw=True)

    def _repr_mimebundle_(self, **kwargs) -> dict:
        bundle = super()._repr_mimebundle_(**kwargs)
        names = ", ".join(w.description or w._kwarg for w in self.kwargs_widgets)
        bundle["text/plain"] = (
            f"(Explorer with the controls {names}: they appear when the notebook runs in "
            "JupyterLab or on Binder. Above: its first drawing.)"
        )
        return bundle


def explore(draw: Callable, *, figsize: tuple[float, float], **controls: ValueWidget) -> Explorer:
    """Show controls that redraw a figure with ``draw`` whenever one of them is released.

    Parameters
    ----------
    draw : callable
        ``draw(**values, ax=ax)`` draws on the Axes ``ax``; it takes one argument per
        control, with the control's name, plus ``ax``.
    figsize : (float, float)
        Width and height of the figure in inches.
    **controls : ipywidgets.ValueWidget
        One widget per argument of ``draw`` (``FloatSlider``, ``FloatLogSlider``,
        ``Dropdown``, ...). Sliders are set to send their value when released.

    Returns
    -------
    Explorer
        The displayed widget; ``.figure`` is the drawing on show and ``.values()`` the
        values it was drawn for.

    Raises
    ------
    TypeError
        If ``draw`` is not callable or has no ``ax`` parameter, or a control is not a
        widget with a value.
    ValueError
        If ``figsize`` is not two positive numbers, there is no control, or a control
        names no parameter of ``draw`` (or a parameter has no control).
    """
    if not callable(draw):
        raise TypeError(f"draw must be a function, got {type(draw).__name__}")
    parameters = inspect.signature(draw).parameters
    if "ax" not in parameters:
        raise TypeError("draw must take an ax argument (the Axes to draw on)")
    if (
        not isinstance(figsize, tuple | list)
        or len(figsize) != 2
        or not all(isinstance(s, numbers.Real) and not isinstance(s, bool) for s in figsize)
        or not all(s > 0 for s in figsize)
    ):
        raise ValueError(f"figsize must be two positive numbers (inches), got {figsize!r}")
    if not controls:
        raise ValueError("explore needs at least one control, e.g. p=FloatSlider(...)")
    for name, control in controls.items():
        if not isinstance(control, ValueWidget):
            raise TypeError(f"control {name} must be an ipywidgets widget with a value")
    wanted = {
        n for n, p in parameters.items() if n != "ax" and p.default is inspect.Parameter.empty
    }
    extra = set(controls) - set(parameters)
    if extra or wanted - set(controls):
        raise ValueError(
            f"controls must match the arguments of draw: no parameter for {sorted(extra)}, "
            f"no control for {sorted(wanted - set(controls))}"
        )
    for control in controls.values():
        if hasattr(control, "continuous_update"):
            control.continuous_update = False
    explorer = Explorer(draw, tuple(float(s) for s in figsize), controls)
    display(explorer)
    return explorer
