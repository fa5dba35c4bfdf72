"""Finite-difference gradients, to check a gradient derived by hand."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from helpers._validate import as_real_array, real_number, require_finite


def _scalar_value(value, name: str = "f") -> float:
    arr = np.asarray(value)
    if arr.ndim != 0:
        raise ValueError(f"{name} must return a scalar, but it returned shape {arr.shape}")
    if not (np.issubdtype(arr.dtype, np.integer) or np.issubdtype(arr.dtype, np.floating)):
        raise ValueError(f"{name} must return a real scalar, but it returned dtype {arr.dtype}")
    return float(arr)


def _checked_eps(eps) -> float:
    eps = real_number(eps, "eps")
    if not eps > 0:
        raise ValueError(f"eps must be positive, got {eps}")
    return eps


def _checked_floor(floor) -> float:
    floor = real_number(floor, "floor")
    if not floor >= 0 or not np.isfinite(floor):
        raise ValueError(f"floor must be a finite number >= 0, got {floor}")
    return floor


def numerical_gradient(f: Callable[[np.ndarray], float], x, eps: float = 1e-6) -> np.ndarray:
    """Estimate the gradient of a scalar function by central differences.

    For every component ``x[i]`` (``i`` a multi-index, so ``x`` may be a vector, a matrix
    or any array), the estimate is ``(f(x + h e_i) - f(x - h e_i)) / (2 h)`` with the step
    ``h = eps * max(1, |x[i]|)``. Its error shrinks like ``h**2`` for a smooth ``f``. The
    step grows with ``|x[i]|`` because a float holds about 16 significant digits: at
    ``x[i] = 1e9`` a step of ``1e-6`` would change only the last digit or two of ``x[i]``
    and the estimate would be mostly rounding noise, while ``1e-6 * 1e9`` changes its
    seventh digit, as ``1e-6`` does for a component near 1. (The division uses the step
    actually taken between the two stored points, so rounding of ``x[i] +- h`` costs
    nothing.)

    Parameters
    ----------
    f : callable
        Takes an array shaped like ``x`` and returns a real scalar.
    x : array-like
        Where to differentiate. Integers are fine: the work is done in float64 on a copy,
        so ``x`` itself is never modified.
    eps : float, default 1e-6
        The step for components of size up to 1, relative to ``|x[i]|`` beyond.

    Returns
    -------
    numpy.ndarray
        The estimated gradient, float64, with the shape of ``x``.

    Raises
    ------
    TypeError
        If ``f`` is not callable, or ``x`` or ``eps`` is not made of real numbers.
    ValueError
        If ``f`` does not return a scalar, ``x`` is not finite, or ``eps`` is not positive.

    Examples
    --------
    >>> numerical_gradient(lambda v: (v ** 2).sum(), [1, -2]).round(6)
    array([ 2., -4.])
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__}")
    point = as_real_array(x, "x")  # a float64 copy
    require_finite(point, "x")
    eps = _checked_eps(eps)
    grad = np.empty_like(point)
    for index in np.ndindex(point.shape):
        step = eps * max(1.0, abs(point[index]))
        plus, minus = point.copy(), point.copy()
        plus[index] += step
        minus[index] -= step
        taken = plus[index] - minus[index]  # before f runs: f may modify its argument
        f_plus = _scalar_value(f(plus))
        f_minus = _scalar_value(f(minus))
        grad[index] = (f_plus - f_minus) / taken
    return grad


def relative_error(a, b, floor: float = 0.0) -> float:
    """Return ``||a - b|| / max(||a|| + ||b||, floor)``, Euclidean norms over all entries.

    With the default ``floor = 0`` it is the plain relative error, in [0, 1]: 0 for equal
    arrays, 1/3 when one is twice the other, 1 when they point in opposite directions with
    equal size (and 0 when both are 0). A positive ``floor`` turns it into the absolute
    error ``||a - b|| / floor`` wherever ``||a|| + ||b||`` is smaller than ``floor``.

    Examples
    --------
    >>> relative_error([2.0, 4.0], [1.0, 2.0])
    0.3333333333333333
    >>> relative_error([0.0, 0.0], [3e-9, 4e-9], floor=1.0)
    5e-09
    """
    a = as_real_array(a, "a")
    b = as_real_array(b, "b")
    if a.shape != b.shape:
        raise ValueError(f"a and b must have the same shape, got {a.shape} and {b.shape}")
    scale = max(np.linalg.norm(a) + np.linalg.norm(b), _checked_floor(floor))
    if scale == 0:
        return 0.0
    return float(np.linalg.norm(a - b) / scale)


def check_gradient(
    f: Callable[[np.ndarray], float],
    grad: Callable[[np.ndarray], np.ndarray],
    x,
    eps: float = 1e-6,
    floor: float = 1.0,
) -> float:
    """Compare a gradient function with central differences and return the relative error.

    The score is ``||g - n|| / max(||g|| + ||n||, floor)`` with ``g = grad(x)``, ``n`` the
    numerical gradient of ``f`` at ``x`` (:func:`numerical_gradient`) and ``||.||`` the
    Euclidean norm over all entries (the Frobenius norm for matrices). It lies in [0, 1].
    Where the gradients are larger than ``floor`` it is their relative error; where they
    are smaller, near a minimum say, it is their absolute error divided by ``floor``.

    What the score means, for a function whose values are of size 1 to 100 at points
    whose components are of any size:

    - a right gradient of a smooth function scores about 1e-8 or less, at an optimum
      (where the gradient is 0 and ``n`` is pure rounding noise) too, thanks to the floor;
    - a missing factor 2 scores 1/3 (when the gradient is larger than ``floor``), a
      wrong sign 1, a forgotten term or a transposed matrix usually 1e-2 or more.

    Its limits:

    - the score only compares ``g`` and ``n`` at ``x``. A slip that changes little there
      scores little: the transpose of a gradient that is almost symmetric at ``x`` can
      score 1e-4. Anything above 1e-6 is a slip, or a kink; check at a second, random
      point before trusting a score;
    - at a kink, or closer to one than the step, ``n`` is not a derivative (the central
      difference of ``|t|`` at 0 is 0), and the score means nothing, good or bad;
    - rounding noise in ``n`` is about ``1e-10 * |f(x)|``: for values of ``f`` far above
      100 a right gradient can score more than 1e-8; for values far below 1 (say 1e-6)
      the floor hides slips of that size, so pass a smaller ``floor``, or scale ``f``.

    Parameters
    ----------
    f : callable
        The scalar function.
    grad : callable
        The gradient to check: takes ``x`` and returns an array shaped like ``x``.
    x : array-like
        The point; not modified.
    eps : float, default 1e-6
        The finite-difference step, relative to ``|x[i]|`` for components larger than 1.
    floor : float, default 1.0
        The smallest denominator; ``floor=0`` gives the plain relative error.

    Returns
    -------
    float
        The score.

    Raises
    ------
    TypeError
        If ``f`` or ``grad`` is not callable or the arrays are not real numbers.
    ValueError
        If ``grad(x)`` and ``x`` differ in shape, ``f`` does not return a scalar, or
        ``eps`` or ``floor`` is out of range.

    Examples
    --------
    >>> square = lambda v: float(v @ v)
    >>> check_gradient(square, lambda v: 2 * v, [1.0, 2.0]) < 1e-8
    True
    >>> round(check_gradient(square, lambda v: v, [1.0, 2.0]), 3)
    0.333
    """
    if not callable(grad):
        raise TypeError(f"grad must be callable, got {type(grad).__name__}")
    floor = _checked_floor(floor)
    point = as_real_array(x, "x")
    analytic = as_real_array(grad(point.copy()), "grad(x)")
    if analytic.shape != point.shape:
        raise ValueError(
            f"grad(x) must have the shape of x: got {analytic.shape}, but x has {point.shape}"
        )
    numeric = numerical_gradient(f, point, eps=eps)
    return relative_error(analytic, numeric, floor=floor)
