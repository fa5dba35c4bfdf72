"""Answer checks for notebook 08, Norms in training."""

from __future__ import annotations

import numbers

import numpy as np

from helpers.feedback import Feedback, check_gradient_answer, check_value

#: Learning rate and L2 penalty strength of exercise 1.
LEARNING_RATE = 0.05
STRENGTH = 3.0
#: Starting weight and target size of exercise 1.
START_WEIGHT = 8.0
TARGET = 1.0


def check_decay_factor(factor) -> Feedback:
    """Check the factor by which one weight-decay step multiplies every weight."""
    expected = 1 - 2 * LEARNING_RATE * STRENGTH
    try:
        value = float(factor)
    except (TypeError, ValueError):
        value = None  # None, or not a number: check_value says so
    if value is not None and np.isclose(value, 1 - LEARNING_RATE * STRENGTH):
        return Feedback(
            False,
            "Not yet: the gradient of lambda ||w||^2 is 2 lambda w; is the factor 2 missing?",
        )
    if value is not None and np.isclose(value, 1 - expected):
        return Feedback(
            False,
            "Not yet: that is the fraction of the weight the step removes; the factor is "
            "what remains.",
        )
    if value is not None and value >= 1:
        return Feedback(
            False, "Not yet: weight decay shrinks the weights, so the factor is below 1."
        )
    return check_value(factor, expected, name="the decay factor")


def _expected_steps() -> int:
    factor = 1 - 2 * LEARNING_RATE * STRENGTH
    weight, steps = START_WEIGHT, 0
    while abs(weight) >= TARGET:
        weight *= factor
        steps += 1
    return steps


def check_steps_below_one(steps) -> Feedback:
    """Check how many penalty-only steps take a weight of 8 below 1."""
    if steps is None:
        return check_value(None, 0)
    if not isinstance(steps, numbers.Integral) or isinstance(steps, bool):
        if isinstance(steps, numbers.Real) and float(steps).is_integer():
            steps = int(steps)
        else:
            return Feedback(False, "Not yet: the number of steps should be a whole number.")
    expected = _expected_steps()
    if steps == expected:
        return Feedback(True, "Correct: that is the first step at which the weight is below 1.")
    if steps == expected - 1:
        return Feedback(False, "Not yet: after that many steps the weight is still at least 1.")
    if steps < expected:
        return Feedback(False, "Not yet: too few steps; the weight is still at least 1.")
    return Feedback(False, "Not yet: too many steps; the weight was below 1 earlier.")


def _penalised_problem():
    rng = np.random.default_rng(2024)
    A = rng.normal(size=(12, 4))
    y = rng.normal(50, 10, size=12)
    w = rng.normal(0, 3, size=4)
    return A, y, w, 7.0, 0.7


def check_penalised_gradient(gradient) -> Feedback:
    """Check ``gradient(w, b, A, y, lam)`` of ``mean((A w + b - y)**2) + lam ||w||^2`` in w.

    The function is tried on data of its own (random, seeded), so a function that only
    works for the song data does not pass.
    """
    if gradient is None:
        return check_value(None, 0)
    if not callable(gradient):
        return Feedback(False, "Not yet: penalised_gradient should be a function.")
    A, y, w, b, lam = _penalised_problem()

    def loss(v):
        return np.mean((A @ v + b - y) ** 2) + lam * np.sum(v**2)

    try:
        verdict = check_gradient_answer(loss, lambda v: gradient(v, b, A, y, lam), w)
    except Exception as exc:  # the learner's function failed: say so, don't crash
        return Feedback(
            False, f"Not yet: calling penalised_gradient(w, b, A, y, lam) raised {exc!r}."
        )
    if verdict.passed:
        return verdict
    data_only = 2 * A.T @ (A @ w + b - y) / len(y)
    try:
        answer = np.asarray(gradient(w.copy(), b, A, y, lam), dtype=float)
    except Exception:  # already reported in verdict
        return verdict
    if answer.shape == w.shape and np.allclose(answer, len(y) * data_only + 2 * lam * w):
        return Feedback(
            False,
            "Not yet: the loss is a mean over the examples; is the division by their "
            "number missing?",
        )
    if answer.shape == w.shape and np.allclose(answer, data_only + lam * w):
        return Feedback(
            False, "Not yet: the penalty's part is lam * w; the derivative of w**2 is 2 w."
        )
    if answer.shape == w.shape and np.allclose(answer, data_only):
        return Feedback(False, "Not yet: the penalty's part of the gradient is missing.")
    return verdict


def _lambda_max(features, durations) -> float:
    A = np.asarray(features, dtype=float)
    y = np.asarray(durations, dtype=float)
    gradient_at_zero = -2 * A.T @ (y - y.mean()) / len(y)
    return float(np.max(np.abs(gradient_at_zero)))


def check_lambda_max(lambda_max, features, durations) -> Feedback:
    """Check the smallest L1 strength at which every weight is zero (to 0.1 %).

    ``features`` (standardised, one song per row) and ``durations`` are the notebook's data;
    the right value is computed from them here.
    """
    expected = _lambda_max(features, durations)
    if lambda_max is not None:
        try:
            value = float(lambda_max)
        except (TypeError, ValueError):
            return Feedback(False, "Not yet: lambda_max should be one number.")
        A = np.asarray(features, dtype=float)
        y = np.asarray(durations, dtype=float)
        gradient_at_zero = 2 * A.T @ (y - y.mean()) / len(y)
        if np.isclose(value, np.sum(np.abs(gradient_at_zero)), rtol=1e-3):
            return Feedback(
                False,
                "Not yet: that is the L1 norm of the gradient; every component must be "
                "within lambda of 0 on its own.",
            )
        if np.isclose(value, np.linalg.norm(gradient_at_zero), rtol=1e-3):
            return Feedback(
                False,
                "Not yet: that is the L2 norm of the gradient; every component must be "
                "within lambda of 0 on its own.",
            )
    return check_value(lambda_max, expected, name="lambda_max", rtol=1e-3)
