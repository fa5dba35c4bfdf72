"""Answer checks for notebook 04, The p-norm family and unit balls: checkpoints and exercises."""

from __future__ import annotations

import numpy as np

from helpers.exercises.nb01 import ERRORS_MODEL_1
from helpers.feedback import (
    Feedback,
    Reject,
    as_number,
    check_value,
    checker,
    learner_function,
    right,
    wrong,
)

__all__ = [
    "CHECKPOINT_POINT",
    "CHECKPOINT_P_CHOICES",
    "ERRORS_MODEL_1",
    "EXERCISE_1_VECTOR",
    "EXERCISE_2_POINT",
    "LIMIT_W",
    "LIMIT_X",
    "RATIO_DIMENSION",
    "check_largest_ratio",
    "check_limits",
    "check_p_through_point",
    "check_size_of_sum",
    "check_smallest_p",
    "check_stable_p_norm",
    "check_vector_norms",
]

#: Checkpoint "inside or outside?": the point, and the values of p to choose from.
CHECKPOINT_POINT = np.array([0.9, 0.6])
CHECKPOINT_P_CHOICES = (1, 1.5, 2, 4)

#: Checkpoint "the two ends of the family": ||x||_p for large p, sum |w_i|^p for small p.
LIMIT_X = np.array([3, -7, 2])
LIMIT_W = np.array([0, 5, -0.1, 0])

#: Checkpoint "how far apart can L1 and L2 be?": the number of entries n.
RATIO_DIMENSION = 9

#: The vector of Exercise 1.
EXERCISE_1_VECTOR = np.array([0, -3, 4, 0, -12])

#: The point of Exercise 2, which lies on exactly one unit circle ||x||_p = 1.
EXERCISE_2_POINT = np.array([0.6, 0.6])


def _p_norm(x, p: float) -> float:
    magnitudes = np.abs(np.asarray(x, dtype=float))
    if p == np.inf:
        return float(magnitudes.max())
    largest = magnitudes.max()
    if largest == 0:
        return 0.0
    return float(largest * np.sum((magnitudes / largest) ** p) ** (1 / p))


# ------------------------------------------------------------------------------ checkpoints


@checker
def check_smallest_p(smallest_p) -> Feedback:
    """Checkpoint: the smallest p of CHECKPOINT_P_CHOICES whose unit ball holds the point."""
    choices = ", ".join(f"{c:g}" for c in CHECKPOINT_P_CHOICES)
    if isinstance(smallest_p, float) and smallest_p == np.inf:
        return wrong(
            f"Not yet: np.inf (a NaN/inf value) is not one of the choices p = {choices}. The "
            "square of p = inf does hold the point, but so does a smaller ball."
        )
    p = as_number(smallest_p, "smallest_p")
    if not any(np.isclose(p, c) for c in CHECKPOINT_P_CHOICES):
        return wrong(f"Not yet: choose one of p = {choices}.")
    inside = [c for c in CHECKPOINT_P_CHOICES if _p_norm(CHECKPOINT_POINT, c) <= 1]
    size = _p_norm(CHECKPOINT_POINT, p)
    if np.isclose(p, min(inside)):
        below = max(c for c in CHECKPOINT_P_CHOICES if c < p)
        return right(
            f"Right: the point has p-norm {size:.2f} <= 1 for p = {p:g}, but "
            f"{_p_norm(CHECKPOINT_POINT, below):.2f} > 1 for p = {below:g}: it lies "
            "outside that ball."
        )
    if size > 1:
        return wrong(
            f"Not yet: for p = {p:g} the point has p-norm {size:.2f} > 1, so it lies outside "
            "that ball. Balls grow as p grows: try a larger p."
        )
    return wrong(
        f"Not yet: the point is inside the ball of p = {p:g}, but a smaller p of the list "
        "works too."
    )


@checker
def check_size_of_sum(predicted_size_of_sum) -> Feedback:
    """Checkpoint: predict ||a + b||_0.5 for a = (1, 0), b = (0, 1)."""
    prediction = as_number(predicted_size_of_sum, "your prediction")
    a, b = np.array([1.0, 0.0]), np.array([0.0, 1.0])
    midpoint_size = _p_norm((a + b) / 2, 0.5)
    expected = _p_norm(a + b, 0.5)
    parts = _p_norm(a, 0.5) + _p_norm(b, 0.5)
    if np.isclose(prediction, expected):
        return right(
            f"Right: a + b is twice the midpoint, so its size is 2 * {midpoint_size:g} = "
            f"{expected:g}, more than ||a||_0.5 + ||b||_0.5 = {parts:g}: the triangle "
            "inequality fails."
        )
    if np.isclose(prediction, midpoint_size):
        return wrong(
            "Not yet: that is the midpoint's size; a + b is twice the midpoint, and the "
            "formula is homogeneous."
        )
    return wrong(
        "Not yet: a + b = 2 * midpoint. What does doubling a vector do to its size in this formula?"
    )


@checker
def check_limits(limit_large_p, limit_small_p) -> Feedback:
    """Checkpoint: lim ||LIMIT_X||_p as p grows, lim sum |LIMIT_W_i|^p as p shrinks to 0."""
    large = as_number(limit_large_p, "limit_large_p")
    small = as_number(limit_small_p, "limit_small_p")
    problems = []
    if not np.isclose(large, np.max(np.abs(LIMIT_X))):
        if np.isclose(large, -np.max(np.abs(LIMIT_X))):
            hint = "a size is never negative: take absolute values."
        elif np.isclose(large, np.max(LIMIT_X)):
            hint = "that is the largest entry, not the largest absolute entry."
        elif np.isclose(large, np.sum(np.abs(LIMIT_X))):
            hint = "that is the L1 norm, the p = 1 end."
        else:
            hint = "which entry takes over as p grows?"
        problems.append(f"limit_large_p is not right: {hint}")
    if not np.isclose(small, np.count_nonzero(LIMIT_W)):
        if np.isclose(small, np.sum(np.abs(LIMIT_W))):
            hint = "that is the sum for p = 1, the other end."
        elif np.isclose(small, LIMIT_W.size):
            hint = "you counted the zeros too, but 0 to any positive power stays 0."
        elif np.isclose(small, 0):
            hint = "a non-zero |w_i|^p tends to 1 as p shrinks, not to 0."
        else:
            hint = "what does each |w_i|^p tend to as p shrinks to 0?"
        problems.append(f"limit_small_p is not right: {hint}")
    if problems:
        return wrong("Not yet: " + " ".join(problems))
    return right(
        "Right: ||x||_p tends to the largest absolute entry, ||x||_inf, and the sum tends "
        "to the number of non-zero entries, the 'L0' count."
    )


@checker
def check_largest_ratio(largest_l1_over_l2) -> Feedback:
    """Checkpoint: the largest value of ||x||_1 / ||x||_2 in R^RATIO_DIMENSION."""
    ratio = as_number(largest_l1_over_l2, "largest_l1_over_l2")
    n = RATIO_DIMENSION
    if np.isclose(ratio, np.sqrt(n)):
        return right(
            f"Right: ||x||_1 <= sqrt({n}) ||x||_2, and a flat vector, all of whose entries "
            "have the same size, such as (1, 1, ..., 1), reaches it."
        )
    if np.isclose(ratio, n):
        return wrong(
            "Not yet: n is the largest ratio of ||x||_1 to ||x||_inf; the chain's link "
            "between L1 and L2 has another factor."
        )
    if np.isclose(ratio, 1):
        return wrong(
            "Not yet: 1 is the smallest ratio, reached by a vector with one non-zero entry."
        )
    return wrong("Not yet: find the link of the chain that has ||x||_1 on its left.")


# -------------------------------------------------------------------------------- exercises


@checker
def check_vector_norms(l1_of_v, l2_of_v, linf_of_v, nonzeros_of_v) -> Feedback:
    """Exercise 1: the L1, L2 and L-infinity norms and the count of non-zeros of the vector."""
    v = EXERCISE_1_VECTOR.astype(float)
    answers = {
        "the L1 norm": (l1_of_v, np.sum(np.abs(v))),
        "the L2 norm": (l2_of_v, np.sqrt(np.sum(v**2))),
        "the L-infinity norm": (linf_of_v, np.max(np.abs(v))),
        "the count of non-zeros": (nonzeros_of_v, np.count_nonzero(v)),
    }
    slips = {
        "the L1 norm": [(np.sum(v), "it is the signed sum: take absolute values first.")],
        "the L-infinity norm": [
            (np.max(v), "it is the largest entry, not the largest absolute entry.")
        ],
        "the count of non-zeros": [(v.size, "you counted every entry, the zeros included.")],
    }
    problems = []
    for name, (answer, expected) in answers.items():
        if name == "the count of non-zeros" and np.asarray(answer).dtype == bool:
            problems.append(
                "Not yet: the count of non-zeros is a True/False array (a bool array, one "
                "entry per component): count its True values with np.sum or np.count_nonzero."
            )
            continue
        verdict = check_value(answer, expected, name=name)
        if verdict.passed:
            continue
        message = verdict.message
        try:
            value = as_number(answer, name)
        except Reject:
            value = None
        for slip, hint in slips.get(name, []):
            if value is not None and np.isclose(value, slip):
                message = f"Not yet: {name} is not right: {hint}"
        problems.append(message)
    if problems:
        return wrong(" ".join(problems))
    return right("Correct: all four sizes of v are right.")


@checker
def check_p_through_point(p_through_point) -> Feedback:
    """Exercise 2: the p for which EXERCISE_2_POINT lies on the unit circle ||x||_p = 1.

    Four decimals are enough, as the task says (relative tolerance 1e-4).
    """
    p = as_number(p_through_point, "your p")
    if not p > 0:
        return wrong("Not yet: p must be positive.")
    expected = np.log(2) / np.log(1 / 0.6)
    verdict = check_value(p, expected, name="your p", rtol=1e-4)
    if verdict.passed:
        return verdict
    size = float(np.sum(EXERCISE_2_POINT**p) ** (1 / p))
    if size > 1:
        where = "outside"
        direction = "The p-norm of a fixed vector shrinks as p grows: try a larger p."
    else:
        where = "inside"
        direction = "The p-norm of a fixed vector grows as p shrinks: try a smaller p."
    return wrong(
        f"Not yet: with your p the point has p-norm {size:.4f}, so it lies {where} the "
        f"unit ball, not on its edge. {direction}"
    )


@checker
def check_stable_p_norm(stable_p_norm) -> Feedback:
    """Exercise 3: a p-norm function on ordinary, huge, tiny and zero vectors, p from 1 to 1000.

    The message names the first case that fails (overflow, underflow, the zero vector or
    a wrong value), never the expected value.
    """
    call = learner_function(stable_p_norm, n_args=2, name="stable_p_norm")
    cases = [
        (ERRORS_MODEL_1, 1, "model 1's errors with p = 1"),
        (ERRORS_MODEL_1, 2, "model 1's errors with p = 2"),
        (ERRORS_MODEL_1, 3.5, "model 1's errors with p = 3.5"),
        (ERRORS_MODEL_1, 250, "model 1's errors with p = 250 (overflow?)"),
        (ERRORS_MODEL_1, 1000, "model 1's errors with p = 1000 (overflow?)"),
        (np.array([1e200, -3e199]), 2, "(1e200, -3e199) with p = 2 (overflow?)"),
        (np.array([1e-200, 2e-200, 0.0]), 2, "(1e-200, 2e-200, 0) with p = 2 (underflow?)"),
        (np.array([-5.0, 0.0, 5.0, 2.0]), 40, "(-5, 0, 5, 2) with p = 40"),
        (np.array([-3.0, -4.0]), 2, "(-3, -4) with p = 2 (is m the largest absolute value?)"),
        (np.array([-3.0, -4.0]), 2.5, "(-3, -4) with p = 2.5 (is m the largest absolute value?)"),
        (np.zeros(3), 3, "the zero vector (is m = 0 handled?)"),
    ]
    for x, p, description in cases:
        answer = call(x, p)
        try:
            if isinstance(answer, (str, bytes)) or np.ndim(answer) != 0:
                raise TypeError
            value = float(answer)
        except (TypeError, ValueError):
            return wrong(
                f"Not yet: stable_p_norm should return one number, got "
                f"{type(answer).__name__} for {description}."
            )
        if not np.isfinite(value):
            return wrong(f"Not yet: stable_p_norm returns {value} for {description}.")
        if not np.isclose(value, _p_norm(x, p), rtol=1e-9, atol=0):
            return wrong(f"Not yet: stable_p_norm gives a wrong value for {description}.")
    return right(
        f"Correct: your function passed all {len(cases)} cases, huge, tiny and zero vectors "
        "included."
    )
