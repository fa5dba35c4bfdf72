"""Draw 2-D vectors as arrows at their true length."""

from __future__ import annotations

from collections.abc import Sequence
from numbers import Real

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import is_color_like
from matplotlib.quiver import Quiver

from helpers._validate import as_points, real_number
from helpers.style import course_palette

_MARGIN_FRACTION = 0.12
_LABEL_MARGIN_FRACTION = 0.25  # room for the text beside the tips
_MIN_MARGIN = 0.5


def plot_vectors(
    vectors,
    colors=None,
    *,
    origins=None,
    labels: Sequence[str] | None = None,
    ax: Axes | None = None,
    alpha: float = 1.0,
) -> Axes:
    """Draw 2-D vectors as arrows, each at its true length, and return the Axes.

    Parameters
    ----------
    vectors : array-like, shape (2,) or (n, 2)
        One vector or n vectors, one per row.
    colors : colour or sequence of n colours, optional
        ``None`` takes the course palette in order; one matplotlib colour is used for
        every arrow; otherwise give exactly one colour per vector. A tuple of three or
        four numbers is read as one RGB(A) colour.
    origins : array-like, shape (2,) or (n, 2), optional
        Where each arrow starts: ``None`` for the origin, one point for all arrows, or
        one point per vector (to draw addition tip to tail).
    labels : sequence of n str, optional
        Text written just beyond each arrow's tip.
    ax : matplotlib.axes.Axes, optional
        The Axes to draw on; by default the current Axes.
    alpha : float, default 1.0
        Opacity of the arrows, in [0, 1].

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on, with equal aspect and limits that contain every tail and
        tip (and the origin) with a margin. Calling again on the same Axes widens the
        limits to keep the earlier arrows in view.

    Raises
    ------
    TypeError
        If an argument has the wrong type (for example, strings among the vectors).
    ValueError
        If a shape or count does not match, values are empty, NaN or infinite, a colour
        is unknown, or ``alpha`` lies outside [0, 1].

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> ax = plot_vectors([[3, 4], [1, -2]], labels=["a", "b"], ax=ax)
    >>> ax.get_aspect()
    1.0
    """
    vecs = as_points(vectors, "vectors")
    n = len(vecs)

    if origins is None:
        tails = np.zeros_like(vecs)
    else:
        tails = as_points(origins, "origins")
        if len(tails) == 1:
            tails = np.repeat(tails, n, axis=0)
        elif len(tails) != n:
            raise ValueError(
                f"origins must be one point or one per vector: got {len(tails)} for {n} vectors"
            )

    arrow_colors = _resolve_colors(colors, n)
    text_labels = _resolve_labels(labels, n)

    alpha = real_number(alpha, "alpha")
    if not 0.0 <= alpha <= 1.0:
        raise ValueError(f"alpha must lie in [0, 1], got {alpha}")

    if ax is None:
        ax = plt.gca()
    elif not isinstance(ax, Axes):
        raise TypeError(f"ax must be a matplotlib Axes, got {type(ax).__name__}")

    had_arrows = any(isinstance(c, Quiver) for c in ax.collections)
    old_limits = (ax.get_xlim(), ax.get_ylim())

    ax.axhline(0, color="0.55", linewidth=0.8, zorder=0)
    ax.axvline(0, color="0.55", linewidth=0.8, zorder=0)
    ax.quiver(
        tails[:, 0],
        tails[:, 1],
        vecs[:, 0],
        vecs[:, 1],
        color=arrow_colors,
        angles="xy",
        scale_units="xy",
        scale=1,
        alpha=alpha,
        units="dots",  # the same shaft width whatever the size of the Axes
        width=3.5,
        headwidth=4,
        headlength=5,
        headaxislength=4.5,
        zorder=3,
    )

    tips = tails + vecs
    if text_labels is not None:
        for tip, vec, text, color in zip(tips, vecs, text_labels, arrow_colors):
            direction = vec / np.hypot(*vec) if np.any(vec) else np.array([1.0, 0.0])
            ax.annotate(
                text,
                xy=tip,
                xytext=8 * direction,
                textcoords="offset points",
                ha="left" if direction[0] >= -0.3 else "right",
                va="bottom" if direction[1] >= -0.3 else "top",
                color=color,
                fontweight="bold",
            )

    fraction = _MARGIN_FRACTION if text_labels is None else _LABEL_MARGIN_FRACTION
    _set_limits(
        ax, np.vstack([tails, tips, [0.0, 0.0]]), old_limits if had_arrows else None, fraction
    )
    ax.set_aspect("equal")
    if not ax.get_xlabel():
        ax.set_xlabel("first component")
    if not ax.get_ylabel():
        ax.set_ylabel("second component")
    return ax


def _resolve_colors(colors, n: int) -> list:
    if colors is None:
        palette = course_palette(10)
        return [palette[i % len(palette)] for i in range(n)]
    if isinstance(colors, str):
        if not is_color_like(colors):
            raise ValueError(f"colors: {colors!r} is not a colour matplotlib knows")
        return [colors] * n
    if not isinstance(colors, (Sequence, np.ndarray)):
        raise TypeError(
            f"colors must be a colour or a sequence of colours, got {type(colors).__name__}"
        )
    colors = list(colors)
    all_numbers = all(isinstance(c, Real) and not isinstance(c, bool) for c in colors)
    if all_numbers and is_color_like(tuple(colors)):  # one RGB or RGBA colour
        return [tuple(colors)] * n
    if len(colors) != n:
        raise ValueError(
            f"colors must give one colour per vector: got {len(colors)} for {n} vectors"
        )
    for color in colors:
        if not is_color_like(color):
            raise ValueError(f"colors: {color!r} is not a colour matplotlib knows")
    return colors


def _resolve_labels(labels, n: int) -> list[str] | None:
    if labels is None:
        return None
    if isinstance(labels, str):
        labels = [labels]
    if not isinstance(labels, Sequence):
        raise TypeError(f"labels must be a sequence of strings, got {type(labels).__name__}")
    labels = list(labels)
    if len(labels) != n:
        raise ValueError(
            f"labels must give one string per vector: got {len(labels)} for {n} vectors"
        )
    for text in labels:
        if not isinstance(text, str):
            raise TypeError(f"labels must be strings, got {type(text).__name__} {text!r}")
    return labels


def _set_limits(ax: Axes, points: np.ndarray, old_limits, fraction: float) -> None:
    low = points.min(axis=0)
    high = points.max(axis=0)
    if old_limits is not None:
        (x0, x1), (y0, y1) = old_limits
        low = np.minimum(low, [x0, y0])
        high = np.maximum(high, [x1, y1])
        margin = 0.0
    else:
        margin = max(fraction * float(np.max(high - low)), _MIN_MARGIN)
    ax.set_xlim(low[0] - margin, high[0] + margin)
    ax.set_ylim(low[1] - margin, high[1] + margin)
