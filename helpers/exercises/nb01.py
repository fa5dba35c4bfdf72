"""Answer checks for notebook 01, Measuring model error.

The course data live here (``ERRORS_MODEL_1``, ``ERRORS_MODEL_2``, read-only), so that
notebooks 01 and 02 and the checks use the same numbers. Every ``check_*`` keeps the
contract of :mod:`helpers.feedback`: it takes only the learner's answers, and gives a
verdict for any input, never the answer.
"""

from __future__ import annotations

import numpy as np

from helpers.feedback import (
    Feedback,
    Reject,
    as_number,
    as_vector,
    check_value,
    checker,
    right,
    wrong,
)

#: Errors in seconds (true minus predicted duration) of the two models on seven songs.
ERRORS_MODEL_1 = np.array([22, -4, 2, 7, 6, -36, 12])
ERRORS_MODEL_2 = np.array([14, 9, -13, 19, 8, -21, 4])
# read-only, so that no cell can change the data the checks compare with
ERRORS_MODEL_1.flags.writeable = False
ERRORS_MODEL_2.flags.writeable = False

#: Checkpoint, section 1: a song that lasts 185 s, predicted to last 200 s.
SONG_TRUE_DURATION, SONG_PREDICTED_DURATION = 185, 200
#: Checkpoints, sections 3 and 5: the error vectors whose L1 and max norms are predicted.
CHECKPOINT_L1_ERRORS = np.array([3, -4, 0, 1])
CHECKPOINT_MAX_ERRORS = np.array([2, -7, 5])


def _is(value: float, wrong_value: float) -> bool:
    return bool(np.isclose(value, wrong_value, rtol=1e-6, atol=1e-12))


_CLOSE = "Close, but not exact"


def _both(answers, names, expected, what: str, slips=()) -> Feedback:
    """Check one value per model; ``slips`` holds (wrong values per model, hint) pairs."""
    values = [as_number(a, n) for a, n in zip(answers, names, strict=True)]
    if all(_is(v, e) for v, e in zip(values, expected[::-1])) and not _is(*expected):
        return wrong(f"Not yet: the two {what}s are swapped between the models.")
    for slip_values, hint in slips:
        if any(_is(v, s) for v, s in zip(values, slip_values)):
            return wrong(f"Not yet: {hint}")
    verdicts = [
        check_value(v, e, name=f"the {what} of model {i}")
        for i, (v, e) in enumerate(zip(values, expected), start=1)
    ]
    if all(v.passed for v in verdicts):
        return right(f"Correct: both {what}s are right.")
    if all(v.message.startswith(_CLOSE) for v in verdicts):  # one message, not two alike
        return wrong(
            f"{_CLOSE}: both {what}s are off by less than 1%. Did you round, or type in a "
            "printed value? Compute them with NumPy and keep every digit."
        )
    return wrong(" ".join(v.message for v in verdicts if not v.passed))


_MODELS = (ERRORS_MODEL_1, ERRORS_MODEL_2)


@checker
def check_mae(mae_1, mae_2) -> Feedback:
    """Check the mean absolute errors of the two models (exercise 1)."""
    expected = [np.mean(np.abs(e)) for e in _MODELS]
    signed = (
        [np.mean(e) for e in _MODELS],
        "that is the signed mean: errors of opposite signs cancel. Take absolute values first.",
    )
    names = ["mae_model_1", "mae_model_2"]
    return _both([mae_1, mae_2], names, expected, "mean absolute error", slips=[signed])


@checker
def check_rmse(rmse_1, rmse_2) -> Feedback:
    """Check the root-mean-square errors of the two models (exercise 1)."""
    expected = [np.sqrt(np.mean(e.astype(float) ** 2)) for e in _MODELS]
    slips = [
        (
            [np.std(e) for e in _MODELS],
            "np.std subtracts the mean of the errors first; the "
            "root-mean-square error squares the errors themselves.",
        ),
        (
            [np.linalg.norm(e) / len(e) for e in _MODELS],
            "that is the L2 norm divided by n; "
            "the root of the mean divides it by the square root of n.",
        ),
    ]
    names = ["rmse_model_1", "rmse_model_2"]
    return _both([rmse_1, rmse_2], names, expected, "root-mean-square error", slips=slips)


@checker
def check_cancelling_errors(errors) -> Feedback:
    """Check seven errors whose signed sum is 0 but whose L1 norm beats both models (ex. 2)."""
    try:
        e = as_vector(errors, "errors_model_3", length=7)
    except Reject as rejection:
        raise Reject(
            wrong(f"{rejection.feedback.message} Give seven numbers, one error per song.")
        ) from None
    problems = []
    if not np.isclose(e.sum(), 0):
        problems.append("its signed sum is not 0")
    if not np.abs(e).sum() > np.abs(ERRORS_MODEL_1).sum():
        problems.append("its absolute sum (L1) is not larger than both models'")
    if problems:
        return wrong("Not yet: " + " and ".join(problems) + ".")
    return right("Correct: a perfect signed sum, and yet the worst L1 of the three models.")


@checker
def check_flip_threshold(threshold) -> Feedback:
    """Check the size of song 6's error below which model 1 wins under the L2 norm (ex. 3)."""
    others = np.delete(ERRORS_MODEL_1, 5).astype(float)
    expected = np.sqrt(np.sum(ERRORS_MODEL_2.astype(float) ** 2) - np.sum(others**2))
    value = as_number(threshold, "flip_threshold")
    if value < 0:
        return wrong("Not yet: t is a size (song 6's error is -t), so it is positive.")
    return check_value(value, expected, name="your threshold", rtol=1e-4)


@checker
def check_sign_convention(error) -> Feedback:
    """Checkpoint, section 1: the error of a 200 s prediction for a 185 s song."""
    value = as_number(error, "error_on_that_song")
    expected = SONG_TRUE_DURATION - SONG_PREDICTED_DURATION
    if _is(value, expected):
        return right("Right: true minus predicted is negative when the model predicts too long.")
    if _is(value, -expected):
        return wrong(
            "Not yet: that is predicted minus true. The course's errors are true minus "
            "predicted, so a prediction that is too long gives a negative error."
        )
    return wrong("Not yet: subtract the predicted duration from the true one.")


@checker
def check_l1_prediction(l1) -> Feedback:
    """Checkpoint, section 3: the L1 norm of (3, -4, 0, 1), predicted."""
    value = as_number(l1, "l1_prediction")
    e = CHECKPOINT_L1_ERRORS
    if _is(value, np.abs(e).sum()):
        return right("Right: 3 + 4 + 0 + 1, every error counted by its size.")
    if _is(value, e.sum()):
        return wrong(
            "Not yet: that is the signed sum, where the negative error cancels positive ones. "
            "The L1 norm adds the sizes of the errors."
        )
    if value < 0:
        return wrong("Not yet: a norm is never negative: add the sizes of the errors.")
    return wrong("Not yet: add the absolute values of the four errors.")


@checker
def check_max_prediction(largest) -> Feedback:
    """Checkpoint, section 5: the max norm of (2, -7, 5), predicted."""
    value = as_number(largest, "max_prediction")
    e = CHECKPOINT_MAX_ERRORS
    if _is(value, np.abs(e).max()):
        return right("Right: the size of the worst error, whatever its sign.")
    slips = {
        "that is the largest error with its sign; the max norm takes the sizes first.": e.max(),
        "a norm is never negative: take the size (absolute value) of each error first.": e.min(),
        "that is the L1 norm, the sum of the sizes; the max norm keeps only the largest.": (
            np.abs(e).sum()
        ),
    }
    for message, wrong_value in slips.items():
        if _is(value, wrong_value):
            return wrong(f"Not yet: {message}")
    return wrong("Not yet: take the absolute value of each error, then the largest.")
