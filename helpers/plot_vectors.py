"""Draw 2-D vectors as arrows at their true length, and label arrows beside them."""

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
_ZERO_LINE_GID = "plot_vectors:zero-line"
_LABEL_GID = "plot_vectors:label"


def plot_vectors(
    vectors,
    colors=None,
    *,
    origins=None,
    labels: Sequence[str] | None = None,
    ax: Axes | None = None,
    alpha: float = 1.0,
    color=None,
    label: str | Sequence[str] | None = None,
    **unknown,
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
    color, label : optional
        Other spellings of ``colors`` and ``labels`` (matplotlib's own functions say
        ``color=`` and ``label=``), accepted so that the natural first try works. Give
        each value under one of its two names only. Any other keyword raises a TypeError
        that lists the parameters.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on, with equal aspect and limits that contain every tail and
        tip (and the origin) with a margin. Calling again on the same Axes widens the
        limits to keep the earlier arrows in view, with a margin around the new ones;
        the two axes through the origin are drawn once per Axes.

    Raises
    ------
    TypeError
        If an argument has the wrong type (for example, strings among the vectors), a
        keyword is unknown, or a value is given under both of its names.
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
    if unknown:
        names = ", ".join(repr(name) for name in unknown)
        raise TypeError(
            f"plot_vectors has no parameter {names}: its parameters are vectors, "
            "colors (or color), origins, labels (or label), ax and alpha"
        )
    colors = _alias(colors, color, "colors", "color")
    labels = _alias(labels, label, "labels", "label")
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

    earlier = _true_length_points(ax)
    old_limits = (ax.get_xlim(), ax.get_ylim()) if len(earlier) else None
    had_labels = any(text.get_gid() == _LABEL_GID for text in ax.texts)

    if not any(line.get_gid() == _ZERO_LINE_GID for line in ax.lines):
        ax.axhline(0, color="0.55", linewidth=0.8, zorder=0, gid=_ZERO_LINE_GID)
        ax.axvline(0, color="0.55", linewidth=0.8, zorder=0, gid=_ZERO_LINE_GID)
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
                gid=_LABEL_GID,
                xytext=8 * direction,
                textcoords="offset points",
                ha="left" if direction[0] >= -0.3 else "right",
                va="bottom" if direction[1] >= -0.3 else "top",
                color=color,
                fontweight="bold",
            )

    labelled = text_labels is not None or had_labels
    fraction = _LABEL_MARGIN_FRACTION if labelled else _MARGIN_FRACTION
    _set_limits(ax, np.vstack([earlier, tails, tips, [0.0, 0.0]]), old_limits, fraction)
    ax.set_aspect("equal")
    if not ax.get_xlabel():
        ax.set_xlabel("first component")
    if not ax.get_ylabel():
        ax.set_ylabel("second component")
    return ax


def _alias(value, alias_value, name: str, alias: str):
    """Return the value given as ``name`` or as its alias, refusing both at once."""
    if alias_value is None:
        return value
    if value is not None:
        raise TypeError(f"give {name}= or {alias}=, not both: {alias} is another name for {name}")
    return alias_value


def _true_length_points(ax: Axes) -> np.ndarray:
    """Tails and tips of the arrows already on ``ax`` that are drawn at true length."""
    points = [np.empty((0, 2))]
    for quiver in ax.collections:
        if not isinstance(quiver, Quiver):
            continue
        if (quiver.angles, quiver.scale_units, quiver.scale) != ("xy", "xy", 1):
            continue
        tails = np.asarray(quiver.get_offsets(), dtype=float).reshape(-1, 2)
        steps = np.column_stack([np.ravel(quiver.U), np.ravel(quiver.V)])
        points += [tails, tails + steps]
    return np.vstack(points)


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
    """Limits around ``points`` with a margin, never narrower than ``old_limits``."""
    low = points.min(axis=0)
    high = points.max(axis=0)
    margin = max(fraction * float(np.max(high - low)), _MIN_MARGIN)
    low, high = low - margin, high + margin
    if old_limits is not None:
        (x0, x1), (y0, y1) = old_limits
        low = np.minimum(low, [x0, y0])
        high = np.maximum(high, [x1, y1])
    ax.set_xlim(low[0], high[0])
    ax.set_ylim(low[1], high[1])


def label_arrow(
    text: str,
    vector,
    *,
    tail=(0.0, 0.0),
    side: int = 1,
    at: float = 0.5,
    color="0.2",
    ax: Axes | None = None,
) -> Axes:
    """Write ``text`` beside the arrow from ``tail`` to ``tail + vector`` and return the Axes.

    :func:`plot_vectors` writes labels just beyond the tips; when several arrows end at
    the same point those labels pile up. This writes a label beside a point along the
    arrow instead (its middle by default), a few points off to one side of it.

    Parameters
    ----------
    text : str
        The label.
    vector : array-like, shape (2,)
        The arrow's vector (from its tail to its tip).
    tail : array-like, shape (2,), default (0, 0)
        Where the arrow starts.
    side : {1, -1}, default 1
        1 writes the text on the left of the arrow (looking from its tail to its tip),
        -1 on its right. A zero vector has no sides: its label goes just above the point.
    at : float, default 0.5
        Where along the arrow, from 0 (the tail) to 1 (the tip).
    color : colour, default "0.2"
        The colour of the text; usually the arrow's.
    ax : matplotlib.axes.Axes, optional
        The Axes to write on; by default the current Axes.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes written on. The limits are left as they are.

    Raises
    ------
    TypeError
        If ``text`` is not a string, ``ax`` not an Axes, or a vector or number is not real.
    ValueError
        If a vector is not one finite 2-vector, ``side`` is not 1 or -1, ``at`` lies
        outside [0, 1] or ``color`` is unknown.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> ax = plot_vectors([[4, 1], [1, 3]], origins=[[0, 0], [4, 1]], ax=ax)
    >>> ax = label_arrow("v", [1, 3], tail=[4, 1], side=-1, ax=ax)
    >>> ax.texts[-1].get_text()
    'v'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, got {type(text).__name__}")
    vec = _one_point(vector, "vector")
    start = _one_point(tail, "tail")
    if isinstance(side, bool) or side not in (1, -1):
        raise ValueError(f"side must be 1 (left of the arrow) or -1 (right), got {side!r}")
    at = real_number(at, "at")
    if not 0.0 <= at <= 1.0:
        raise ValueError(f"at must lie in [0, 1] (0 the tail, 1 the tip), got {at}")
    if not is_color_like(color):
        raise ValueError(f"color: {color!r} is not a colour matplotlib knows")
    if ax is None:
        ax = plt.gca()
    elif not isinstance(ax, Axes):
        raise TypeError(f"ax must be a matplotlib Axes, got {type(ax).__name__}")

    length = float(np.hypot(*vec))
    normal = np.array([-vec[1], vec[0]]) / length if length > 0 else np.array([0.0, 1.0])
    offset = 8 * (side if length > 0 else 1) * normal  # in points, away from the arrow
    ax.annotate(
        text,
        xy=start + at * vec,
        xytext=offset,
        textcoords="offset points",
        ha="left" if offset[0] > 2 else "right" if offset[0] < -2 else "center",
        va="bottom" if offset[1] > 2 else "top" if offset[1] < -2 else "center",
        color=color,
        fontweight="bold",
    )
    return ax


def _one_point(value, name: str) -> np.ndarray:
    points = as_points(value, name)
    if len(points) != 1:
        raise ValueError(f"{name} must be one 2-vector, got {len(points)} of them")
    return points[0]
