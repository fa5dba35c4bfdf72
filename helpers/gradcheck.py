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


def numerical_gradient(f: Callable[[np.ndarray], float], x, eps: float = 1e-6) -> np.ndarray:
    """Estimate the gradient of a scalar function by central differences.

    For every component ``x[i]`` (``i`` a multi-index, so ``x`` may be a vector, a matrix
    or any array), the estimate is ``(f(x + eps e_i) - f(x - eps e_i)) / (2 eps)``, whose
    error shrinks like ``eps**2`` for a smooth ``f``.

    Parameters
    ----------
    f : callable
        Takes an array shaped like ``x`` and returns a real scalar.
    x : array-like
        Where to differentiate. Integers are fine: the work is done in float64 on a copy,
        so ``x`` itself is never modified.
    eps : float, default 1e-6
        The step.

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
        step = np.zeros_like(point)
        step[index] = eps
        f_plus = _scalar_value(f(point + step))
        f_minus = _scalar_value(f(point - step))
        grad[index] = (f_plus - f_minus) / (2 * eps)
    return grad


def relative_error(a, b) -> float:
    """Return ``||a - b|| / (||a|| + ||b||)``, Euclidean norms over all entries (0 if both are 0).

    It lies in [0, 1]: 0 for equal arrays, 1/3 when one is twice the other, 1 when they
    point in opposite directions with equal size.

    Examples
    --------
    >>> relative_error([2.0, 4.0], [1.0, 2.0])
    0.3333333333333333
    """
    a = as_real_array(a, "a")
    b = as_real_array(b, "b")
    if a.shape != b.shape:
        raise ValueError(f"a and b must have the same shape, got {a.shape} and {b.shape}")
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    if scale == 0:
        return 0.0
    return float(np.linalg.norm(a - b) / scale)


def check_gradient(
    f: Callable[[np.ndarray], float],
    grad: Callable[[np.ndarray], np.ndarray],
    x,
    eps: float = 1e-6,
) -> float:
    """Compare a gradient function with central differences and return the relative error.

    The relative error is ``||g - n|| / (||g|| + ||n||)`` with ``g = grad(x)``, ``n`` the
    numerical gradient of ``f`` at ``x`` and ``||.||`` the Euclidean norm over all
    entries (the Frobenius norm for matrices); it is 0 when both are 0. It lies in
    [0, 1]. A right gradient of a smooth function gives about 1e-8 or less; a missing
    factor 2 gives 1/3; a transposed matrix or a wrong sign gives far more than 1e-3.

    Parameters
    ----------
    f : callable
        The scalar function.
    grad : callable
        The gradient to check: takes ``x`` and returns an array shaped like ``x``.
    x : array-like
        The point; not modified.
    eps : float, default 1e-6
        The finite-difference step.

    Returns
    -------
    float
        The relative error.

    Raises
    ------
    TypeError
        If ``f`` or ``grad`` is not callable or the arrays are not real numbers.
    ValueError
        If ``grad(x)`` and ``x`` differ in shape, or ``f`` does not return a scalar.

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
    point = as_real_array(x, "x")
    analytic = as_real_array(grad(point.copy()), "grad(x)")
    if analytic.shape != point.shape:
        raise ValueError(
            f"grad(x) must have the shape of x: got {analytic.shape}, but x has {point.shape}"
        )
    numeric = numerical_gradient(f, point, eps=eps)
    return relative_error(analytic, numeric)
