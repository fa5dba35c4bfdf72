"""Answer checks for notebook 03, What makes a norm."""

from __future__ import annotations

import numpy as np

from helpers.feedback import Feedback, check_norm_axioms, check_value

_NOT_YET = check_value(None, 0)

#: Vectors on which the learner's functions must give the right values.
_WEIGHTED_L1_CASES = ((1.0, 0.0), (0.0, 1.0), (3.0, -4.0), (-2.5, 0.5), (-1.0, -7.0))
_LINF_CASES = ((3.0, -7.0), (-2.0, 1.0, 0.5), (0.0, 0.0, -4.0), (1.0, -2.0, 9.5, -9.75, 0.0))


def _vec(v) -> str:
    return "(" + ", ".join(f"{c:g}" for c in v) + ")"


def _value_problem(func, cases, expected_of, name: str) -> str | None:
    """Return a message for the first case where func disagrees with expected_of, else None."""
    for case in cases:
        x = np.array(case)
        value = func(x.copy())
        if value is None:
            return "none"
        try:
            value = float(value)
        except (TypeError, ValueError):
            return f"{name}(x) should return one number, got {type(value).__name__}"
        if not np.isclose(value, expected_of(x), rtol=1e-9, atol=1e-12):
            return f"{name}(x) gives a wrong value for x = {_vec(x)}"
    return None


def _check_function(func, name, cases, expected_of, *, dim, axioms_first) -> Feedback:
    if func is None:
        return _NOT_YET
    if not callable(func):
        return Feedback(False, f"Not yet: {name} should be a function, got {type(func).__name__}.")
    first = func(np.array(cases[0], dtype=float))
    if first is None:
        return Feedback(
            False, f"{_NOT_YET.message} ({name}(x) returns None: is a `return` missing?)"
        )
    if np.ndim(first) != 0:
        return Feedback(
            False,
            f"Not yet: {name}(x) should return one number, but it returned something of shape "
            f"{np.shape(first)}. Did you forget to add (or take the maximum of) the entries?",
        )
    try:
        float(first)
    except (TypeError, ValueError):
        return Feedback(
            False, f"Not yet: {name}(x) should return a number, got {type(first).__name__}."
        )
    axioms = check_norm_axioms(func, dim=dim)
    if axioms.message == _NOT_YET.message:
        return _NOT_YET
    if not axioms.passed and axioms_first:
        return Feedback(False, f"Not yet: {name} is not a norm yet. {axioms.message}")
    problem = _value_problem(func, cases, expected_of, name)
    if problem == "none":
        return _NOT_YET
    if problem is not None:
        return Feedback(False, f"Not yet: {problem}.")
    if not axioms.passed:
        return Feedback(False, f"Not yet: {name} is not a norm yet. {axioms.message}")
    return Feedback(True, f"Correct: {name} gives the right values. {axioms.message}")


def check_weighted_l1(weighted_l1) -> Feedback:
    """Check a function for 2|x1| + |x2|: first the norm axioms, then its values."""
    return _check_function(
        weighted_l1,
        "weighted_l1",
        _WEIGHTED_L1_CASES,
        lambda x: 2 * abs(x[0]) + abs(x[1]),
        dim=2,
        axioms_first=True,
    )


def check_linf(linf_norm) -> Feedback:
    """Check a function for max_i |x_i| on vectors of 2, 3 and 5 components, and the axioms."""
    return _check_function(
        linf_norm,
        "linf_norm",
        _LINF_CASES,
        lambda x: np.max(np.abs(x)),
        dim=3,
        axioms_first=False,
    )


def _as_vectors(a, b, names: tuple[str, str]):
    """Return a and b as equal-length 1-D float arrays, or a Feedback saying what is wrong."""
    if a is None or b is None:
        return _NOT_YET
    try:
        first = np.asarray(a, dtype=float)
        second = np.asarray(b, dtype=float)
    except (TypeError, ValueError):
        return Feedback(False, "Not yet: give each vector as a list or array of numbers.")
    if first.ndim != 1 or second.ndim != 1 or first.shape != second.shape or first.size < 1:
        return Feedback(
            False,
            f"Not yet: {names[0]} and {names[1]} should be vectors with the same number of "
            f"components (got shapes {first.shape} and {second.shape}).",
        )
    if not (np.all(np.isfinite(first)) and np.all(np.isfinite(second))):
        return Feedback(False, "Not yet: the vectors contain NaN or infinity.")
    return first, second


def check_squared_l2_counterexample(x, y) -> Feedback:
    """Check a pair x, y for which ||x + y||^2 > ||x||^2 + ||y||^2."""
    vectors = _as_vectors(x, y, ("x_counter", "y_counter"))
    if isinstance(vectors, Feedback):
        return vectors
    first, second = vectors

    def squared(v):
        return float(np.sum(v**2))

    left = squared(first + second)
    right = squared(first) + squared(second)
    if left > right * (1 + 1e-9) + 1e-12:
        return Feedback(
            True,
            f"Correct: ||x + y||^2 = {left:g} > {right:g} = ||x||^2 + ||y||^2, "
            "so the squared L2 norm breaks the triangle inequality.",
        )
    return Feedback(
        False,
        f"Not yet: for these vectors ||x + y||^2 = {left:g} is not larger than "
        f"||x||^2 + ||y||^2 = {right:g}. Hint: the difference of the two sides is 2 x.y; "
        "when is it positive?",
    )


def check_l1_equality(u, v) -> Feedback:
    """Check non-zero u, v in different directions with ||u + v||_1 = ||u||_1 + ||v||_1."""
    vectors = _as_vectors(u, v, ("u_equal", "v_equal"))
    if isinstance(vectors, Feedback):
        return vectors
    first, second = vectors
    if not (np.any(first) and np.any(second)):
        return Feedback(False, "Not yet: both vectors must be non-zero.")
    cosine = first @ second / (np.linalg.norm(first) * np.linalg.norm(second))
    if cosine > 1 - 1e-12:
        return Feedback(
            False,
            "Not yet: these vectors point the same way; find two that point in different "
            "directions.",
        )
    left = np.sum(np.abs(first + second))
    right = np.sum(np.abs(first)) + np.sum(np.abs(second))
    if not np.isclose(left, right, rtol=1e-12, atol=1e-12):
        return Feedback(
            False,
            f"Not yet: ||u + v||_1 = {left:g} is smaller than ||u||_1 + ||v||_1 = {right:g}. "
            "Look at each component of u + v: when is |u_i + v_i| = |u_i| + |v_i|?",
        )
    return Feedback(
        True,
        "Correct: different directions, and yet ||u + v||_1 = ||u||_1 + ||v||_1. "
        "In L2 the same pair gives a strict inequality.",
    )
