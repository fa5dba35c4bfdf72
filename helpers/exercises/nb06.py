"""Answer checks for notebook 06, Derivatives of norms.

The data of the exercises and checkpoints live here and the notebook imports them. Each
gradient check compares the learner's function with central differences of the function
it should differentiate, at a few fixed points, and never prints the answer. Every public
check wears :func:`helpers.feedback.checker`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from helpers.feedback import (
    Feedback,
    Reject,
    as_array,
    as_number,
    as_vector,
    check_gradient_at_points,
    checker,
    learner_function,
    right,
    wrong,
)
from helpers.gradcheck import numerical_gradient

#: Checkpoint 1: the power rule for s**POWER at s = POWER_AT.
#: (Not s = 4: section 1 of the notebook prints the slope of s**1.5 there.)
POWER, POWER_AT = 1.5, 16.0

#: Checkpoint 2: the point at which to predict the gradient of the L2 norm.
CHECKPOINT_U = np.array([3.0, -4.0])

#: Checkpoint 3: slopes to sort into subgradients of |x| at 0, or not.
CANDIDATE_SLOPES = np.array([-2.0, -1.0, -0.3, 0.0, 0.8, 1.0, 1.5])

#: Weights of the weighted squared norm in exercise 1.
WEIGHTS = np.array([1.0, 4.0, 9.0])

#: Points at which the gradients are checked: no zero component, no tied largest entry.
_POINTS_3D = (np.array([1.5, -0.5, 2.0]), np.array([-0.7, 1.2, -0.3]))
_POINTS_ANY = (np.array([1.5, -0.5, 2.0]), np.array([0.4, -1.1, 0.8, 2.3]))


@checker
def check_power_rule_slope(slope) -> Feedback:
    """Checkpoint: the derivative of s**POWER at s = POWER_AT, by the power rule."""
    answer = as_number(slope, "your slope")
    a, s = POWER, POWER_AT
    if np.isclose(answer, a * s ** (a - 1)):
        return right(
            f"Right: {a:g} * {s:g}**{a - 1:g} = {a:g} * {s ** (a - 1):g} = "
            f"{a * s ** (a - 1):g}. The power drops by one, and the old power becomes a factor."
        )
    slips = [
        (a * s**a, f"you kept the power {a:g}: the new power is a - 1."),
        (s ** (a - 1), f"the factor a = {a:g} in front is missing."),
        (s**a, f"that is the value of s**{a:g} at {s:g}, not its slope."),
        ((a - 1) * s ** (a - 1), "the factor in front is the old power a, not a - 1."),
    ]
    for value, hint in slips:
        if np.isclose(answer, value):
            return wrong(f"Not yet: {hint}")
    return wrong(f"Not yet: apply d/ds s**a = a * s**(a - 1) with a = {a:g} at s = {s:g}.")


@checker
def check_l2_gradient_prediction(predicted_l2_gradient) -> Feedback:
    """Checkpoint: the gradient of ||u||_2 at :data:`CHECKPOINT_U`."""
    u = CHECKPOINT_U
    answer = as_vector(predicted_l2_gradient, "your gradient", length=u.size)
    length = np.linalg.norm(u)
    if np.allclose(answer, u / length):
        return right(
            "Right: ||u|| = sqrt(9 + 16) = 5, and u / 5 = (0.6, -0.8), a unit vector "
            "pointing along u."
        )
    slips = [
        (u, "that is u itself: divide by its length ||u||."),
        (2 * u, "that is 2u, the gradient of the squared norm; the L2 norm has no square."),
        (u / length**2, "you divided by ||u||**2; the L2 gradient divides by ||u|| once."),
        (np.sign(u), "that is sign(u), the gradient of the L1 norm."),
        (-u / length, "the sign is flipped: the gradient points away from 0, along u."),
    ]
    for value, hint in slips:
        if np.allclose(answer, value):
            return wrong(f"Not yet: {hint}")
    return wrong("Not yet: the L2 gradient is u / ||u||: compute ||u|| first.")


@checker
def check_subgradients_of_abs(subgradients) -> Feedback:
    """Checkpoint: which of :data:`CANDIDATE_SLOPES` are subgradients of |x| at 0."""
    answer = np.ravel(as_array(subgradients, "your list"))
    if not all(np.any(np.isclose(value, CANDIDATE_SLOPES)) for value in answer):
        return wrong("Not yet: pick the slopes from nb06.CANDIDATE_SLOPES only.")
    chosen = {float(c) for c in CANDIDATE_SLOPES if np.any(np.isclose(c, answer))}
    expected = {float(c) for c in CANDIDATE_SLOPES if abs(c) <= 1}
    if chosen == expected:
        return right(
            "Right: g is a subgradient of |x| at 0 exactly when |x| >= g x for all x, that "
            "is when -1 <= g <= 1, the ends included (those lines run along the arms of the V)."
        )
    problems = []
    if chosen - expected:
        problems.append(
            "a slope steeper than 1 (in size) gives a line that rises above the V on one side"
        )
    missing = expected - chosen
    if missing & {-1.0, 1.0}:
        problems.append("the slopes -1 and +1 count: their lines touch the V along one arm")
    if missing - {-1.0, 1.0}:
        problems.append("some slopes between -1 and 1 are missing: 0 is one of them too")
    return wrong("Not yet: " + "; ".join(problems) + ".")


def _direction_hint(f: Callable, answer: np.ndarray, point: np.ndarray) -> str | None:
    """Say so when ``answer`` points along the true gradient but has the wrong length."""
    right_gradient = numerical_gradient(f, point)
    if answer.shape != right_gradient.shape or not np.any(answer) or not np.any(right_gradient):
        return None
    cosine = (
        answer.ravel()
        @ right_gradient.ravel()
        / (np.linalg.norm(answer) * np.linalg.norm(right_gradient))
    )
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


@checker
def check_weighted_squared_gradient(grad: Callable[[np.ndarray], np.ndarray]) -> Feedback:
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


@checker
def check_cube_of_l2_gradient(grad: Callable[[np.ndarray], np.ndarray]) -> Feedback:
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


@checker
def check_p_norm_gradient(grad_p: Callable[[np.ndarray, float], np.ndarray]) -> Feedback:
    """Check a gradient of the p-norm, a function of ``x`` and ``p`` (exercise 3).

    It is checked for p = 1.5, 3 and 4, where no component of x is 0.
    """
    try:
        call = learner_function(grad_p, n_args=2, name="grad_p_norm")
    except Reject as rejection:
        if "should take 2 arguments" in rejection.feedback.message:
            return wrong("Not yet: grad_p_norm should take two arguments, x and p, in that order.")
        raise
    for p in (1.5, 3.0, 4.0):
        for point in _POINTS_ANY:
            call(point, p)  # a missing `return` or an error gets its own verdict (Reject)
        verdict = check_gradient_at_points(
            lambda x, p=p: _p_norm(x, p),
            lambda x, p=p: call(x, p),
            _POINTS_ANY,
            what="of the p-norm",
            slips=_slips_of(lambda x, p=p: _p_norm(x, p)),
        )
        if not verdict.passed:
            return wrong(f"{verdict.message.rstrip('.')} (at p = {p:g}).")
    return right("Correct: your p-norm gradient passes for p = 1.5, 3 and 4.")
