"""Answer checks for notebook 03, What makes a norm: its checkpoints and exercises."""

from __future__ import annotations

import numpy as np

from helpers.exercises.nb01 import ERRORS_MODEL_1, ERRORS_MODEL_2
from helpers.feedback import (
    Feedback,
    Reject,
    as_array,
    as_number,
    as_vector,
    check_norm_axioms,
    check_value,
    checker,
    learner_function,
    right,
    wrong,
)

__all__ = [
    "ANGLE_A",
    "ANGLE_B",
    "ERRORS_MODEL_1",
    "ERRORS_MODEL_2",
    "FLAT_U",
    "HOMOGENEITY_K",
    "HOMOGENEITY_X",
    "SIMILARITY_FACTOR",
    "check_angle_degrees",
    "check_flat_triangle",
    "check_homogeneity_prediction",
    "check_l1_equality",
    "check_linf",
    "check_similarity_prediction",
    "check_squared_l2_counterexample",
    "check_weighted_l1",
]

#: Checkpoint "homogeneity with a negative number": predict ||k x||_1 for this x and k.
HOMOGENEITY_X = np.array([2, -1])
HOMOGENEITY_K = -4

#: Checkpoint "a flat triangle": the learner chooses v with ||u + v|| = ||u|| + ||v||.
FLAT_U = np.array([3, -1])

#: Checkpoint "an angle in degrees": the angle between these two vectors.
ANGLE_A = np.array([3, 0])
ANGLE_B = np.array([-2, 2])

#: Checkpoint "what cosine similarity ignores": model 2's errors are scaled by this factor.
SIMILARITY_FACTOR = -10

#: Vectors on which the learner's functions must give the right values.
_WEIGHTED_L1_CASES = ((1.0, 0.0), (0.0, 1.0), (3.0, -4.0), (-2.5, 0.5), (-1.0, -7.0))
_LINF_CASES = ((3.0, -7.0), (-2.0, 1.0, 0.5), (0.0, 0.0, -4.0), (1.0, -2.0, 9.5, -9.75, 0.0))


def _vec(v) -> str:
    return "(" + ", ".join(f"{c:g}" for c in v) + ")"


def _l1(v: np.ndarray) -> float:
    return float(np.sum(np.abs(v)))


def _l2(v: np.ndarray) -> float:
    return float(np.sqrt(np.sum(np.asarray(v, dtype=float) ** 2)))


def _cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (_l2(a) * _l2(b)))


# ------------------------------------------------------------------------------ checkpoints


@checker
def check_homogeneity_prediction(predicted_l1_of_kx) -> Feedback:
    """Checkpoint: the prediction of ||k x||_1 for x = HOMOGENEITY_X and k = HOMOGENEITY_K."""
    prediction = as_number(predicted_l1_of_kx, "your prediction")
    size_of_x = _l1(HOMOGENEITY_X)
    expected = abs(HOMOGENEITY_K) * size_of_x
    if np.isclose(prediction, expected):
        return right(
            f"Right: ||k x||_1 = |k| ||x||_1 = {abs(HOMOGENEITY_K)} * {size_of_x:g} = "
            f"{expected:g}, without computing k x."
        )
    if np.isclose(prediction, HOMOGENEITY_K * size_of_x):
        return wrong(
            "Not yet: that is k ||x||_1, and a size is never negative. Absolute homogeneity "
            "multiplies the size by |k|, the absolute value of k."
        )
    if np.isclose(prediction, size_of_x):
        return wrong("Not yet: that is the size of x itself; multiplying x by k changes it.")
    return wrong("Not yet: absolute homogeneity says by how much the size of x changes.")


@checker
def check_flat_triangle(v_flat) -> Feedback:
    """Checkpoint: a non-zero v with ||u + v||_2 = ||u||_2 + ||v||_2 for u = FLAT_U."""
    v = as_vector(v_flat, "v_flat", length=2)
    u = FLAT_U.astype(float)
    if not np.any(v):
        return wrong(
            "Not yet: v = 0 does give equality (0 is a non-negative multiple of u), but the "
            "task asks for a non-zero vector."
        )
    left, lengths = _l2(u + v), _l2(u) + _l2(v)
    if np.isclose(left, lengths, rtol=1e-9, atol=0):
        return right(
            "Right: v is a positive multiple of u, so the 'triangle' is flat and "
            "||u + v|| = ||u|| + ||v||."
        )
    if np.isclose(abs(_cosine(u, v)), 1, rtol=0, atol=1e-12):
        return wrong(
            "Not yet: your v lies on the line through u but points the opposite way: that "
            "gives the largest gap, not equality."
        )
    return wrong(
        f"Not yet: for your v, ||u + v|| = {left:.4f} is less than ||u|| + ||v|| = "
        f"{lengths:.4f}. When do the two paths coincide?"
    )


@checker
def check_angle_degrees(angle_ab_degrees) -> Feedback:
    """Checkpoint: the angle in degrees between ANGLE_A and ANGLE_B."""
    angle = as_number(angle_ab_degrees, "angle_ab_degrees")
    expected = float(np.degrees(np.arccos(_cosine(ANGLE_A, ANGLE_B))))
    if np.isclose(angle, expected, rtol=1e-6):
        return right(
            "Right: a . b is negative, so the angle is more than 90 degrees, and arccos "
            "followed by np.degrees gives it."
        )
    if np.isclose(angle, np.radians(expected), rtol=1e-6):
        return wrong(
            "Not yet: this looks like the angle in radians: np.arccos returns radians, "
            "np.degrees turns them into degrees."
        )
    if np.isclose(angle, 180 - expected, rtol=1e-6):
        return wrong(
            "Not yet: look at the sign of a . b: when it is negative the angle is more than "
            "90 degrees."
        )
    return check_value(angle, expected, name="angle_ab_degrees")


@checker
def check_similarity_prediction(predicted_similarity) -> Feedback:
    """Checkpoint: predict the cosine similarity of model 1's errors with -10 x model 2's.

    Two decimals are enough, as the task says.
    """
    prediction = as_number(predicted_similarity, "your prediction")
    expected = _cosine(ERRORS_MODEL_1, SIMILARITY_FACTOR * ERRORS_MODEL_2)
    if abs(prediction - expected) <= 0.006:
        return right(
            "Right: cosine similarity ignores the factor 10 (a length) but not the minus "
            "sign (a direction): every error flips, and so does the cosine."
        )
    if abs(prediction + expected) <= 0.006:
        return wrong(
            "Not yet: the factor 10 changes nothing, right, but what does the minus sign do "
            "to the direction of every error?"
        )
    if abs(abs(prediction) - abs(SIMILARITY_FACTOR * expected)) <= 0.06:
        return wrong(
            "Not yet: cosine similarity divides by both lengths, so scaling a vector by 10 "
            "does not scale the similarity."
        )
    if abs(prediction) > 1:
        return wrong("Not yet: a cosine similarity always lies between -1 and 1.")
    return wrong(
        "Not yet: start from the similarity of the two models' errors printed above, and "
        "ask what a factor of -10 does to a direction."
    )


# -------------------------------------------------------------------------------- exercises


def _values(func, name: str, cases) -> list[tuple[np.ndarray, float]]:
    """Call the learner's function on each case; return (x, value) pairs or Reject."""
    call = learner_function(func, n_args=1, name=name)
    results = []
    for case in cases:
        x = np.array(case, dtype=float)
        out = call(x)
        if isinstance(out, (str, bytes)):
            raise Reject(wrong(f"Not yet: {name}(x) should return a number, got the text {out!r}."))
        if np.ndim(out) != 0:
            raise Reject(
                wrong(
                    f"Not yet: {name}(x) should return one number, but it returned something "
                    f"of shape {np.shape(out)}. Did you forget to add (or take the maximum "
                    "of) the entries?"
                )
            )
        results.append((x, as_number(out, f"the value of {name}(x)")))
    return results


def _check_function(func, name, cases, expected_of, *, dim, axioms_first) -> Feedback:
    results = _values(func, name, cases)
    axioms = check_norm_axioms(func, dim=dim)
    broken = not axioms.passed and axioms.message.startswith("Not a norm")
    if not axioms.passed and not broken:  # the function failed in some other way
        return axioms
    if broken and axioms_first:
        return wrong(f"Not yet: {name} is not a norm yet. {axioms.message}")
    for x, value in results:
        if not np.isclose(value, expected_of(x), rtol=1e-9, atol=1e-12):
            return wrong(f"Not yet: {name}(x) gives a wrong value for x = {_vec(x)}.")
    if broken:
        return wrong(f"Not yet: {name} is not a norm yet. {axioms.message}")
    return right(f"Correct: {name} gives the right values. {axioms.message}")


@checker
def check_weighted_l1(weighted_l1) -> Feedback:
    """Exercise 1: a function for 2|x1| + |x2|; first the norm axioms, then its values."""
    try:
        return _check_function(
            weighted_l1,
            "weighted_l1",
            _WEIGHTED_L1_CASES,
            lambda x: 2 * abs(x[0]) + abs(x[1]),
            dim=2,
            axioms_first=True,
        )
    except Reject as rejection:
        message = rejection.feedback.message
        if "IndexError" not in message:  # x[1], x[2] for x_1, x_2 is the usual slip
            raise
        return wrong(f"{message} NumPy counts from 0: x_1 is x[0], x_2 is x[1].")


@checker
def check_linf(linf_norm) -> Feedback:
    """Exercise 1: a function for max_i |x_i| on vectors of 2, 3 and 5 components."""
    return _check_function(
        linf_norm,
        "linf_norm",
        _LINF_CASES,
        lambda x: np.max(np.abs(x)),
        dim=3,
        axioms_first=False,
    )


def _two_vectors(a, b, names: tuple[str, str]) -> tuple[np.ndarray, np.ndarray]:
    # every entry is checked (text, NaN/inf) in both answers before their shapes are
    arrays = as_array(a, names[0]), as_array(b, names[1])
    first, second = (as_vector(array, name) for array, name in zip(arrays, names))
    if first.shape != second.shape:
        raise Reject(
            wrong(
                f"Not yet: {names[0]} and {names[1]} should have the same number of "
                f"components (got shapes {first.shape} and {second.shape})."
            )
        )
    return first, second


@checker
def check_squared_l2_counterexample(x_counter, y_counter) -> Feedback:
    """Exercise 2: a pair x, y for which ||x + y||^2 > ||x||^2 + ||y||^2."""
    x, y = _two_vectors(x_counter, y_counter, ("x_counter", "y_counter"))

    def squared(v):
        return float(np.sum(v**2))

    left = squared(x + y)
    sum_of_squares = squared(x) + squared(y)
    if left > sum_of_squares * (1 + 1e-9):  # relative: tiny vectors count too
        return right(
            f"Correct: ||x + y||^2 = {left:g} > {sum_of_squares:g} = ||x||^2 + ||y||^2, "
            "so the squared L2 norm breaks the triangle inequality."
        )
    return wrong(
        f"Not yet: for these vectors ||x + y||^2 = {left:g} is not larger than "
        f"||x||^2 + ||y||^2 = {sum_of_squares:g}. Hint: the difference of the two sides is "
        "2 x.y; when is it positive?"
    )


@checker
def check_l1_equality(u_equal, v_equal) -> Feedback:
    """Exercise 3: non-zero u, v in different directions with ||u + v||_1 = ||u||_1 + ||v||_1."""
    u, v = _two_vectors(u_equal, v_equal, ("u_equal", "v_equal"))
    if not (np.any(u) and np.any(v)):
        return wrong("Not yet: both vectors must be non-zero.")
    if _cosine(u, v) > 1 - 1e-12:
        return wrong(
            "Not yet: these vectors point the same way; find two that point in different "
            "directions."
        )
    left = _l1(u + v)
    sum_of_sizes = _l1(u) + _l1(v)
    if not np.isclose(left, sum_of_sizes, rtol=1e-12, atol=1e-12):
        return wrong(
            f"Not yet: ||u + v||_1 = {left:g} is smaller than ||u||_1 + ||v||_1 = "
            f"{sum_of_sizes:g}. Look at each component of u + v: when is "
            "|u_i + v_i| = |u_i| + |v_i|?"
        )
    return right(
        "Correct: different directions, and yet ||u + v||_1 = ||u||_1 + ||v||_1. "
        "In L2 the same pair gives a strict inequality."
    )
