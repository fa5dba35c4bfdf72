"""Answer checks for notebook 06, Derivatives of norms.

Each check compares the learner's gradient function with central differences of the
function it should differentiate, at a few fixed points, and never prints the answer.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from helpers.feedback import Feedback, check_gradient_answer, check_gradient_at_points
from helpers.gradcheck import numerical_gradient

#: Weights of the weighted squared norm in exercise 1.
WEIGHTS = np.array([1.0, 4.0, 9.0])

#: Points at which the gradients are checked: no zero component, no tied largest entry.
_POINTS_3D = (np.array([1.5, -0.5, 2.0]), np.array([-0.7, 1.2, -0.3]))
_POINTS_ANY = (np.array([1.5, -0.5, 2.0]), np.array([0.4, -1.1, 0.8, 2.3]))


def _direction_hint(f: Callable, answer: np.ndarray, point: np.ndarray) -> str | None:
    """Say so when ``answer`` points along the true gradient but has the wrong length."""
    right = numerical_gradient(f, point)
    if answer.shape != right.shape or not np.any(answer) or not np.any(right):
        return None
    cosine = answer.ravel() @ right.ravel() / (np.linalg.norm(answer) * np.linalg.norm(right))
    if cosine > 1 - 1e-8:
        return (
            "it points the right way but its length is wrong: check the powers of the "
            "norm and the constant factors in your formula."
        )
    return None


def _slips_of(f: Callable):
    """The direction hint for gradients of ``f``, in the form check_gradient_at_points asks."""
    return lambda answer, point: _direction_hint(f, answer, point)


def weighted_squared_norm(x: np.ndarray) -> float:
    """Return sum_i w_i x_i**2 with the weights of :data:`WEIGHTS`."""
    return float(np.sum(WEIGHTS * np.asarray(x) ** 2))


def check_weighted_squared_gradient(grad: Callable[[np.ndarray], np.ndarray] | None) -> Feedback:
    """Check a gradient of the weighted squared norm sum_i w_i x_i**2 (exercise 1)."""
    return check_gradient_at_points(
        weighted_squared_norm,
        grad,
        _POINTS_3D,
        what="of the weighted squared norm",
        slips=_slips_of(weighted_squared_norm),
    )


def _cube_of_l2(x: np.ndarray) -> float:
    return float(np.sqrt(np.sum(np.asarray(x) ** 2)) ** 3)


def check_cube_of_l2_gradient(grad: Callable[[np.ndarray], np.ndarray] | None) -> Feedback:
    """Check a gradient of ||x||_2**3 (exercise 2), in 3-D and 4-D."""
    return check_gradient_at_points(
        _cube_of_l2,
        grad,
        _POINTS_ANY,
        what="of the cube of the L2 norm",
        slips=_slips_of(_cube_of_l2),
    )


def _p_norm(x: np.ndarray, p: float) -> float:
    return float(np.sum(np.abs(np.asarray(x)) ** p) ** (1 / p))


def check_p_norm_gradient(
    grad_p: Callable[[np.ndarray, float], np.ndarray] | None,
) -> Feedback:
    """Check a gradient of the p-norm, a function of ``x`` and ``p`` (exercise 3).

    It is checked for p = 1.5, 3 and 4, where no component of x is 0.
    """
    if grad_p is None:
        return check_gradient_answer(_p_norm, None, _POINTS_ANY[0])
    if not callable(grad_p):
        return Feedback(False, "Not yet: grad_p_norm should be a function of x and p.")
    try:
        grad_p(_POINTS_ANY[0].copy(), 3.0)
    except TypeError as error:
        if "argument" in str(error):
            return Feedback(
                False, "Not yet: grad_p_norm should take two arguments, x and p, in that order."
            )
    for p in (1.5, 3.0, 4.0):
        verdict = check_gradient_at_points(
            lambda x, p=p: _p_norm(x, p),
            lambda x, p=p: grad_p(x, p),
            _POINTS_ANY,
            what="of the p-norm",
            slips=_slips_of(lambda x, p=p: _p_norm(x, p)),
        )
        if not verdict.passed:
            return Feedback(False, f"{verdict.message.rstrip('.')} (at p = {p:g}).")
    return Feedback(True, "Correct: your p-norm gradient passes for p = 1.5, 3 and 4.")
