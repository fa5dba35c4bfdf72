"""Exercise data and answer checks for notebook 08, Norms in training.

The song data of the notebook are made here (seeded, made up, described in the notebook),
so that the notebook and the checks use the same numbers; so are the learning rates of its
learning curves and the loss of its constraint-region picture. The checkpoint checks take a
number (or a numbered choice) and say at once whether it is right.
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


# --------------------------------------------------------------------------- checkpoints

#: The learning rates of the learning curves of section 3, and their number of steps.
LEARNING_RATES = (0.01, 0.1, 0.5, 0.6)
CURVE_STEPS = 200


def _learning_curve(learning_rate: float) -> np.ndarray:
    """The mean squared error after each gradient-descent step from w = 0, b = 0."""
    features = _standardised(RAW_FEATURES)
    w, b, losses = np.zeros(features.shape[1]), 0.0, []
    for _ in range(CURVE_STEPS):
        residuals = features @ w + b - DURATIONS
        w = w - learning_rate * 2 * features.T @ residuals / len(DURATIONS)
        b = b - learning_rate * 2 * residuals.mean()
        losses.append(np.mean((features @ w + b - DURATIONS) ** 2))
    return np.array(losses)


def _curve_verdicts() -> tuple[float, float]:
    """The learning rate that reaches the floor first, and the one whose loss grows."""
    curves = {eta: _learning_curve(eta) for eta in LEARNING_RATES}
    floor = min(np.min(c) for c in curves.values())
    reached = {
        eta: int(np.argmax(c <= 1.01 * floor))
        for eta, c in curves.items()
        if np.any(c <= 1.01 * floor)
    }
    diverging = [eta for eta, c in curves.items() if c[-1] > c[0]]
    return min(reached, key=reached.get), diverging[0]


@checker
def check_learning_curves(fastest_eta, diverging_eta) -> Feedback:
    """Checkpoint: the learning rate that reaches the floor first, and the one that diverges."""
    fastest = as_number(fastest_eta, "fastest_eta")
    diverging = as_number(diverging_eta, "diverging_eta")
    rates = ", ".join(f"{eta:g}" for eta in LEARNING_RATES)
    if not all(any(np.isclose(v, eta) for eta in LEARNING_RATES) for v in (fastest, diverging)):
        return wrong(f"Not yet: both answers are among the learning rates of the figure, {rates}.")
    right_fastest, right_diverging = _curve_verdicts()
    problems = []
    if not np.isclose(diverging, right_diverging):
        problems.append(
            "diverging_eta: look for the curve that ends higher than it starts and leaves the plot."
        )
    if np.isclose(fastest, right_diverging):
        problems.append("fastest_eta: that curve dips first but never settles on the floor.")
    elif not np.isclose(fastest, right_fastest):
        problems.append(
            "fastest_eta: that curve gets to the floor (or toward it), but another gets there "
            "in fewer steps."
        )
    if problems:
        return wrong("Not yet: " + " ".join(problems))
    return right(
        f"Right: eta = {right_fastest:g} reaches the floor within a few steps, eta = "
        f"{right_diverging:g} overshoots further at every step. Of these four, the fastest is "
        "the largest that still converges."
    )


def _lasso(strength: float, n_steps: int = 3000) -> np.ndarray:
    """The L1-penalised song weights at one strength, by ISTA from w = 0 (to convergence)."""
    features = _standardised(RAW_FEATURES)
    n = len(DURATIONS)
    gram = features.T @ features / n
    moment = features.T @ (DURATIONS - DURATIONS.mean()) / n
    w = np.zeros(features.shape[1])
    for _ in range(n_steps):
        z = w - 0.2 * 2 * (gram @ w - moment)
        w = np.sign(z) * np.maximum(np.abs(z) - 0.2 * strength, 0)
    return w


#: The checkpoint of section 5: soft-thresholding these values by this threshold, by hand.
THRESHOLD_INPUTS = np.array([1.2, -0.3, 0.05, -2.0])
THRESHOLD = 0.5
THRESHOLD_INPUTS.flags.writeable = False


@checker
def check_soft_threshold(thresholded) -> Feedback:
    """Checkpoint: soft-thresholding of THRESHOLD_INPUTS by THRESHOLD, worked out by hand."""
    answer = as_array(thresholded, "thresholded")
    z, t = THRESHOLD_INPUTS, THRESHOLD
    expected = np.sign(z) * np.maximum(np.abs(z) - t, 0)
    if answer.shape != z.shape:
        return wrong(
            f"Not yet: thresholded should hold one number per value of z ({z.size}), "
            f"but it has shape {answer.shape}."
        )
    if np.allclose(answer, expected):
        return right(
            f"Right: the two values larger than {t:g} in size move {t:g} toward 0; the two "
            f"within {t:g} of 0 land exactly on 0 instead of crossing it. That is how the "
            "proximal step makes exact zeros."
        )
    if np.allclose(answer, z - t * np.sign(z)):
        return wrong(
            "Not yet: a value within the threshold of 0 would cross 0 that way; "
            "soft-thresholding stops it at 0."
        )
    if np.allclose(answer, np.where(np.abs(z) > t, z, 0)):
        return wrong(
            "Not yet: the small values are right, but the large ones also move toward 0, "
            "by the threshold."
        )
    if np.allclose(answer, np.abs(expected)):
        return wrong("Not yet: the sizes are right; keep the sign of each value.")
    if np.allclose(answer, z - t):
        return wrong(
            "Not yet: every value moves toward 0, so negative values move up, not down; "
            "and none crosses 0."
        )
    return wrong(
        "Not yet: for each value, subtract the threshold from its size; if that is "
        "negative, the result is 0; otherwise keep the value's sign."
    )


#: The strength at which the path checkpoint counts the non-zero weights.
PATH_STRENGTH = 10.0


@checker
def check_l1_path(nonzero_at_10, last_to_zero) -> Feedback:
    """Checkpoint: non-zero weights at lambda = 10, and the column of the last one to reach 0."""
    count = as_number(nonzero_at_10, "nonzero_at_10")
    column = as_number(last_to_zero, "last_to_zero")
    n_features = RAW_FEATURES.shape[1]
    if not column.is_integer() or not 0 <= column < n_features:
        return wrong(
            f"Not yet: last_to_zero is a column number of feature_names, 0 to {n_features - 1}."
        )
    right_count = int(np.count_nonzero(_lasso(PATH_STRENGTH)))
    lambda_max = float(np.max(np.abs(_gradient_at_zero())))
    right_column = int(np.flatnonzero(_lasso(0.99 * lambda_max))[0])
    problems = []
    if count != right_count:
        problems.append(
            f"nonzero_at_10: count the lines that are not on the zero line at lambda = "
            f"{PATH_STRENGTH:g} in the left panel ({n_features} lines in all)."
        )
    if int(column) != right_column:
        problems.append(
            f"last_to_zero: column {int(column)} is {FEATURE_NAMES[int(column)]}; follow the "
            "line that reaches 0 furthest to the right."
        )
    if problems:
        return wrong("Not yet: " + " ".join(problems))
    return right(
        f"Right: {right_count} weights are non-zero at lambda = {PATH_STRENGTH:g}, and "
        f"{FEATURE_NAMES[right_column]}, the strongest feature, is the last to reach 0."
    )


#: Choices of the outlier checkpoint: which slope changes more when the outliers go.
OUTLIER_CHOICES = {1: "the L1 fit's", 2: "the L2 fit's", 3: "both by about the same"}


@checker
def check_outliers_removed(moves_more) -> Feedback:
    """Checkpoint: which fitted slope changes more when the hidden tracks are cut."""
    choice = as_number(moves_more, "moves_more")
    if choice not in OUTLIER_CHOICES:
        return wrong("Not yet: choose 1, 2 or 3.")
    if choice == 2:
        return right(
            "Right: the L2 line was pulled toward the four outliers, in proportion to their "
            "large residuals; without them it moves back to the bulk of the songs. The L1 "
            "line hardly felt them, so it hardly moves."
        )
    if choice == 1:
        return wrong(
            "Not yet: under the L1 loss each song pulls with the same strength, however far "
            "away it is. Which line did the four outliers pull more?"
        )
    return wrong("Not yet: did the outliers pull on the two lines equally (section 7's shares)?")


#: The quadratic loss of the constraint-region picture: (w - W_STAR)^T CURVATURE (w - W_STAR).
W_STAR = np.array([2.0, 1.1])
CURVATURE = np.array([[1.0, 0.3], [0.3, 0.6]])
#: Where the checkpoint of section 8 moves the unconstrained minimum.
MOVED_W_STAR = np.array([0.4, 2.5])
for _array in (W_STAR, CURVATURE, MOVED_W_STAR):
    _array.flags.writeable = False

#: Choices of that checkpoint: where the smallest contour first touches the L1 diamond.
TOUCH_CHOICES = {1: "the right corner (1, 0)", 2: "the top corner (0, 1)", 3: "an edge"}


def _diamond_touch(centre: np.ndarray) -> np.ndarray:
    """Where the smallest contour around ``centre`` first touches the unit L1 diamond."""
    corners = np.array([[1, 0], [0, 1], [-1, 0], [0, -1], [1, 0]], dtype=float)
    fractions = np.linspace(0, 1, 5001)[:, None]
    boundary = np.concatenate([a + (b - a) * fractions for a, b in zip(corners, corners[1:])])
    offset = boundary - centre
    return boundary[np.argmin(np.sum((offset @ CURVATURE) * offset, axis=1))]


def _touch_choice(centre: np.ndarray) -> int:
    touch = _diamond_touch(centre)
    if np.allclose(touch, [1, 0]):
        return 1
    if np.allclose(touch, [0, 1]):
        return 2
    return 3


@checker
def check_touch_point(touch_choice) -> Feedback:
    """Checkpoint: where the contours around MOVED_W_STAR first touch the L1 diamond."""
    choice = as_number(touch_choice, "touch_choice")
    if choice not in TOUCH_CHOICES:
        return wrong("Not yet: choose 1, 2 or 3.")
    expected = _touch_choice(MOVED_W_STAR)
    if choice == expected:
        return right(
            f"Right: {TOUCH_CHOICES[expected]}. The minimum now sits high above the diamond, "
            "and the corner that sticks out toward it is reached first: w_1 = 0 there."
        )
    if choice == 1:
        return wrong(
            "Not yet: that was the answer for the old w*; which corner points toward the new one?"
        )
    return wrong(
        "Not yet: a contour reaches a corner first when the corner sticks out toward w*. "
        "Which corner points toward (0.4, 2.5)?"
    )
