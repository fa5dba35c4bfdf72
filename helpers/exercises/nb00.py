"""Answer checks for notebook 00, Start here.

Exercise 1 draws one arrow with :func:`helpers.plot_vectors`; its check looks at the
arrows and labels on the Axes that ``plot_vectors`` returned. Like every ``check_*``, it
keeps the contract of :mod:`helpers.feedback`: a verdict for any input, never the answer.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import to_rgba
from matplotlib.quiver import Quiver

from helpers.feedback import Feedback, as_array, checker, right, wrong

#: Exercise 1: the vector to draw, its colour and its label.
FIRST_ARROW = np.array([-2, 1])
FIRST_ARROW.flags.writeable = False
FIRST_ARROW_COLOR = "black"
FIRST_ARROW_LABEL = "mine"


def _arrows(ax: Axes) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """(tail, vector, RGBA colour) of every arrow drawn on ``ax`` with ``quiver``."""
    found = []
    for quiver in ax.collections:
        if not isinstance(quiver, Quiver):
            continue
        tails = np.asarray(quiver.get_offsets(), dtype=float).reshape(-1, 2)
        steps = np.column_stack([np.ravel(quiver.U), np.ravel(quiver.V)])
        colors = np.asarray(quiver.get_facecolors()).reshape(-1, 4)
        for i, (tail, step) in enumerate(zip(tails, steps)):
            color = colors[min(i, len(colors) - 1)] if len(colors) else np.zeros(4)
            found.append((tail, step, color))
    return found


@checker
def check_first_arrow(ax_mine) -> Feedback:
    """Check exercise 1: the arrow (-2, 1) in black, labelled "mine", on ``ax_mine``."""
    if not isinstance(ax_mine, Axes):
        if isinstance(ax_mine, str):
            return wrong(
                "Not yet: ax_mine is text. Write the call itself, without quotes: "
                "ax_mine = plot_vectors(...)."
            )
        if not callable(ax_mine):
            as_array(ax_mine, "ax_mine")  # names NaN/inf and the like first
        return wrong(
            "Not yet: ax_mine should be the Axes that plot_vectors returns: write "
            f"ax_mine = plot_vectors(...). Got {type(ax_mine).__name__}."
        )
    arrows = _arrows(ax_mine)
    if not arrows:
        return wrong("Not yet: there is no arrow on ax_mine. Did the plot_vectors call run?")
    if len(arrows) > 1:
        return wrong(f"Not yet: ax_mine has {len(arrows)} arrows; draw just the one vector.")
    tail, step, color = arrows[0]
    if not np.allclose(tail, 0):
        return wrong("Not yet: the arrow should start at the origin (leave origins out).")
    if np.allclose(step, FIRST_ARROW[::-1]):
        return wrong("Not yet: the two components are swapped: first the x, then the y.")
    if np.allclose(step, -FIRST_ARROW):
        return wrong("Not yet: the arrow points the opposite way: check both signs.")
    if not np.allclose(step, FIRST_ARROW):
        return wrong("Not yet: the arrow does not end at the point the task names.")
    if not np.allclose(color, to_rgba(FIRST_ARROW_COLOR)):
        if np.all(color[:3] < 0.25):
            return wrong(
                f"Not yet: the arrow is dark grey, not {FIRST_ARROW_COLOR} (the course style "
                f'turns the short name "k" into dark grey): pass colors="{FIRST_ARROW_COLOR}".'
            )
        return wrong(
            f'Not yet: the arrow is not {FIRST_ARROW_COLOR}: pass colors="{FIRST_ARROW_COLOR}".'
        )
    texts = [text.get_text() for text in ax_mine.texts]
    if FIRST_ARROW_LABEL not in texts:
        where = f" (found {', '.join(map(repr, texts))})" if texts else ""
        return wrong(
            f'Not yet: the arrow has no label "{FIRST_ARROW_LABEL}"{where}: pass '
            f'labels=["{FIRST_ARROW_LABEL}"].'
        )
    return right('Correct: one black arrow to (-2, 1), labelled "mine". You are ready.')
