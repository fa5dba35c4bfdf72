"""Exercise data and answer checks for notebook 08, Norms in training.

The song data of the notebook are made here (seeded, made up, described in the notebook),
so that the notebook and the checks use the same numbers.
"""

from __future__ import annotations

import numpy as np

from helpers.feedback import (
    Feedback,
    as_array,
    as_number,
    check_gradient_answer,
    check_value,
    checker,
    learner_function,
    right,
    wrong,
)

#: Learning rate and L2 penalty strength of exercise 1.
LEARNING_RATE = 0.05
STRENGTH = 3.0
#: Starting weight and target size of exercise 1.
START_WEIGHT = 8.0
TARGET = 1.0


def _make_songs(seed: int = 8, n_songs: int = 80):
    """Eighty made-up songs: five features each, and a duration in seconds."""
    rng = np.random.default_rng(seed)
    bars = rng.integers(48, 121, size=n_songs)
    tempo = rng.uniform(80, 160, size=n_songs).round()
    choruses = np.clip(np.round(bars / 30 + rng.normal(0, 0.5, size=n_songs)), 1, 6)
    intro = rng.uniform(0, 30, size=n_songs).round()
    title_length = rng.integers(4, 31, size=n_songs)
    durations = 240 * bars / tempo + intro + rng.normal(0, 6, size=n_songs)
    raw = np.column_stack([bars, tempo, choruses, intro, title_length]).astype(float)
    return raw, durations


#: The names of the five features, in the order of the columns of RAW_FEATURES.
FEATURE_NAMES = ("bars", "tempo", "choruses", "intro", "title length")
#: One row per song: bars, tempo (beats per minute), choruses, intro (s), title length.
#: DURATIONS: each song's duration in seconds. Both made up, seeded.
RAW_FEATURES, DURATIONS = _make_songs()
RAW_FEATURES.flags.writeable = False
DURATIONS.flags.writeable = False


def _standardised(raw: np.ndarray) -> np.ndarray:
    return (raw - raw.mean(axis=0)) / raw.std(axis=0)


@checker
def check_decay_factor(factor) -> Feedback:
    """Check the factor by which one weight-decay step multiplies every weight."""
    expected = 1 - 2 * LEARNING_RATE * STRENGTH
    value = as_number(factor, "decay_factor")
    if np.isclose(value, 1 - LEARNING_RATE * STRENGTH):
        return wrong(
            "Not yet: the gradient of lambda ||w||^2 is 2 lambda w; is the factor 2 missing?"
        )
    if np.isclose(value, 1 - expected):
        return wrong(
            "Not yet: that is the fraction of the weight the step removes; the factor is "
            "what remains."
        )
    if value >= 1:
        return wrong("Not yet: weight decay shrinks the weights, so the factor is below 1.")
    return check_value(value, expected, name="the decay factor")


def _expected_steps() -> int:
    factor = 1 - 2 * LEARNING_RATE * STRENGTH
    weight, steps = START_WEIGHT, 0
    while abs(weight) >= TARGET:
        weight *= factor
        steps += 1
    return steps


@checker
def check_steps_below_one(steps) -> Feedback:
    """Check how many penalty-only steps take a weight of 8 below 1 in size."""
    value = as_number(steps, "steps_below_one")
    if not value.is_integer():
        return wrong("Not yet: the number of steps should be a whole number.")
    steps = int(value)
    expected = _expected_steps()
    if steps == expected:
        return right("Correct: that is the first step at which the weight is below 1 in size.")
    if steps == expected - 1:
        return wrong("Not yet: after that many steps the weight is still at least 1.")
    if steps < expected:
        return wrong("Not yet: too few steps; the weight is still at least 1.")
    return wrong("Not yet: too many steps; the weight was below 1 earlier.")


def _penalised_problem():
    rng = np.random.default_rng(2024)
    A = rng.normal(size=(12, 4))
    y = rng.normal(50, 10, size=12)
    w = rng.normal(0, 3, size=4)
    return A, y, w, 7.0, 0.7


@checker
def check_penalised_gradient(gradient) -> Feedback:
    """Check ``gradient(w, b, A, y, lam)`` of ``mean((A w + b - y)**2) + lam ||w||^2`` in w.

    The function is tried on data of its own (random, seeded), so a function that only
    works for the song data does not pass.
    """
    call = learner_function(gradient, n_args=5, name="penalised_gradient")
    A, y, w, b, lam = _penalised_problem()

    def loss(v):
        return np.mean((A @ v + b - y) ** 2) + lam * np.sum(v**2)

    answer = as_array(call(w, b, A, y, lam), "the result of penalised_gradient")
    verdict = check_gradient_answer(loss, lambda v: call(v, b, A, y, lam), w)
    if verdict.passed or answer.shape != w.shape:
        return verdict
    data_only = 2 * A.T @ (A @ w + b - y) / len(y)
    if np.allclose(answer, len(y) * data_only + 2 * lam * w):
        return wrong(
            "Not yet: the loss is a mean over the examples; is the division by their "
            "number missing?"
        )
    if np.allclose(answer, data_only + lam * w):
        return wrong("Not yet: the penalty's part is lam * w; the derivative of w**2 is 2 w.")
    if np.allclose(answer, data_only):
        return wrong("Not yet: the penalty's part of the gradient is missing.")
    return verdict


def _gradient_at_zero() -> np.ndarray:
    features = _standardised(RAW_FEATURES)
    return -2 * features.T @ (DURATIONS - DURATIONS.mean()) / len(DURATIONS)


@checker
def check_lambda_max(lambda_max) -> Feedback:
    """Check the smallest L1 strength at which every weight of the song model is zero.

    The right value is computed here from the song data (to 0.1 %).
    """
    value = as_number(lambda_max, "lambda_max")
    gradient_at_zero = _gradient_at_zero()
    if np.isclose(value, np.sum(np.abs(gradient_at_zero)), rtol=1e-3):
        return wrong(
            "Not yet: that is the L1 norm of the gradient; every component must be "
            "within lambda of 0 on its own."
        )
    if np.isclose(value, np.linalg.norm(gradient_at_zero), rtol=1e-3):
        return wrong(
            "Not yet: that is the L2 norm of the gradient; every component must be "
            "within lambda of 0 on its own."
        )
    expected = float(np.max(np.abs(gradient_at_zero)))
    return check_value(value, expected, name="lambda_max", rtol=1e-3)
