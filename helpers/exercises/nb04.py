"""Answer checks for notebook 04, The p-norm family and unit balls."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from helpers.feedback import Feedback, check_value

#: The vector of Exercise 1.
EXERCISE_1_VECTOR = np.array([0, -3, 4, 0, -12])

#: The point of Exercise 2, which lies on exactly one unit circle ||x||_p = 1.
EXERCISE_2_POINT = np.array([0.6, 0.6])

#: Model 1's song errors (seconds), used again in Exercise 3.
ERRORS_MODEL_1 = np.array([22, -4, 2, 7, 6, -36, 12])


def _not_answered() -> Feedback:
    return check_value(None, 0)


def _is_number(value) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(
        value, (bool, np.bool_)
    )


def check_vector_norms(l1, l2, linf, nonzeros) -> Feedback:
    """Check the L1, L2 and L-infinity norms and the count of non-zeros of Exercise 1's vector."""
    if any(answer is None for answer in (l1, l2, linf, nonzeros)):
        return _not_answered()
    v = EXERCISE_1_VECTOR.astype(float)
    answers = {
        "the L1 norm": (l1, np.sum(np.abs(v))),
        "the L2 norm": (l2, np.sqrt(np.sum(v**2))),
        "the L-infinity norm": (linf, np.max(np.abs(v))),
        "the count of non-zeros": (nonzeros, np.count_nonzero(v)),
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
        verdict = check_value(answer, expected, name=name)
        if verdict.passed:
            continue
        message = verdict.message
        for wrong, hint in slips.get(name, []):
            if _is_number(answer) and np.isclose(float(answer), wrong):
                message = f"Not yet: {name} is not right: {hint}"
        problems.append(message)
    if problems:
        return Feedback(False, " ".join(problems))
    return Feedback(True, "Correct: all four sizes of v are right.")


def check_p_through_point(p) -> Feedback:
    """Check the p for which the point (0.6, 0.6) lies on the unit circle ||x||_p = 1."""
    if p is None:
        return _not_answered()
    expected = np.log(2) / np.log(1 / 0.6)
    verdict = check_value(p, expected, name="your p", rtol=1e-4)
    if verdict.passed or not _is_number(p):
        return verdict
    p = float(p)
    if not p > 0:
        return Feedback(False, "Not yet: p must be positive.")
    size = np.sum(EXERCISE_2_POINT**p) ** (1 / p)
    if size > 1:
        where = "outside"
        direction = "The p-norm of a fixed vector shrinks as p grows: try a larger p."
    else:
        where = "inside"
        direction = "The p-norm of a fixed vector grows as p shrinks: try a smaller p."
    return Feedback(
        False,
        f"Not yet: with your p the point has p-norm {size:.4f}, so it lies {where} the "
        f"unit ball, not on its edge. {direction}",
    )


def _reference_p_norm(x: np.ndarray, p: float) -> float:
    magnitudes = np.abs(x.astype(float))
    largest = magnitudes.max()
    if largest == 0:
        return 0.0
    return float(largest * np.sum((magnitudes / largest) ** p) ** (1 / p))


def check_stable_p_norm(stable_p_norm: Callable[[np.ndarray, float], float] | None) -> Feedback:
    """Check a p-norm function on ordinary, huge, tiny and zero vectors, for p from 1 to 1000.

    The message names the first case that fails (overflow, underflow, the zero vector or
    a wrong value), never the expected value.
    """
    if stable_p_norm is None:
        return _not_answered()
    if not callable(stable_p_norm):
        return Feedback(
            False,
            f"Not yet: stable_p_norm should be a function, got {type(stable_p_norm).__name__}.",
        )
    cases = [
        (ERRORS_MODEL_1, 1, "model 1's errors with p = 1"),
        (ERRORS_MODEL_1, 2, "model 1's errors with p = 2"),
        (ERRORS_MODEL_1, 3.5, "model 1's errors with p = 3.5"),
        (ERRORS_MODEL_1, 250, "model 1's errors with p = 250 (overflow?)"),
        (ERRORS_MODEL_1, 1000, "model 1's errors with p = 1000 (overflow?)"),
        (np.array([1e200, -3e199]), 2, "(1e200, -3e199) with p = 2 (overflow?)"),
        (np.array([1e-200, 2e-200, 0.0]), 2, "(1e-200, 2e-200, 0) with p = 2 (underflow?)"),
        (np.array([-5.0, 0.0, 5.0, 2.0]), 40, "(-5, 0, 5, 2) with p = 40"),
        (np.zeros(3), 3, "the zero vector (is m = 0 handled?)"),
    ]
    for x, p, description in cases:
        try:
            with np.errstate(all="ignore"):
                answer = stable_p_norm(x.copy(), p)
        except Exception as error:  # the learner's code may raise anything
            return Feedback(
                False, f"Not yet: your function raised {type(error).__name__} for {description}."
            )
        if answer is None:
            return _not_answered()
        try:
            value = float(answer)
        except (TypeError, ValueError):
            return Feedback(
                False,
                f"Not yet: your function should return one number, got "
                f"{type(answer).__name__} for {description}.",
            )
        if not np.isfinite(value):
            return Feedback(False, f"Not yet: your function returns {value} for {description}.")
        if not np.isclose(value, _reference_p_norm(x, p), rtol=1e-9, atol=0):
            return Feedback(False, f"Not yet: your function gives a wrong value for {description}.")
    return Feedback(
        True,
        f"Correct: your function passed all {len(cases)} cases, huge, tiny and zero vectors included.",
    )
