"""Answer checks for notebook 01, Measuring model error."""

from __future__ import annotations

import numpy as np

from helpers.feedback import Feedback, check_value

#: Errors in seconds (true minus predicted duration) of the two models on seven songs.
ERRORS_MODEL_1 = np.array([22, -4, 2, 7, 6, -36, 12])
ERRORS_MODEL_2 = np.array([14, 9, -13, 19, 8, -21, 4])
# read-only, so that no cell can change the data the checks compare with
ERRORS_MODEL_1.flags.writeable = False
ERRORS_MODEL_2.flags.writeable = False


def _both(answers, expected, what: str) -> Feedback:
    if any(a is None for a in answers):
        return check_value(None, 0)
    swapped = [check_value(a, e) for a, e in zip(answers, expected[::-1], strict=True)]
    if all(v.passed for v in swapped) and not np.isclose(expected[0], expected[1]):
        return Feedback(False, f"Not yet: the two {what}s are swapped between the models.")
    first = check_value(answers[0], expected[0], name=f"the {what} of model 1")
    second = check_value(answers[1], expected[1], name=f"the {what} of model 2")
    if first.passed and second.passed:
        return Feedback(True, f"Correct: both {what}s are right.")
    return Feedback(False, " ".join(v.message for v in (first, second) if not v.passed))


def check_mae(mae_1, mae_2) -> Feedback:
    """Check the mean absolute errors of the two models."""
    expected = [np.mean(np.abs(e)) for e in (ERRORS_MODEL_1, ERRORS_MODEL_2)]
    return _both([mae_1, mae_2], expected, "mean absolute error")


def check_rmse(rmse_1, rmse_2) -> Feedback:
    """Check the root-mean-square errors of the two models."""
    expected = [np.sqrt(np.mean(e.astype(float) ** 2)) for e in (ERRORS_MODEL_1, ERRORS_MODEL_2)]
    return _both([rmse_1, rmse_2], expected, "root-mean-square error")


def check_cancelling_errors(errors) -> Feedback:
    """Check an error vector of seven songs whose signed sum is 0 but whose L1 norm beats 89."""
    if errors is None:
        return check_value(None, 0)
    try:
        e = np.asarray(errors, dtype=float)
    except (TypeError, ValueError):
        return Feedback(False, "Not yet: give seven numbers, one error per song.")
    if e.shape != (7,) or not np.all(np.isfinite(e)):
        return Feedback(
            False, f"Not yet: give one error per song, seven in all (got shape {e.shape})."
        )
    problems = []
    if not np.isclose(e.sum(), 0):
        problems.append("its signed sum is not 0")
    if not np.abs(e).sum() > np.abs(ERRORS_MODEL_1).sum():
        problems.append("its absolute sum (L1) is not larger than both models'")
    if problems:
        return Feedback(False, "Not yet: " + " and ".join(problems) + ".")
    return Feedback(
        True, "Correct: a perfect signed sum, and yet the worst L1 of the three models."
    )


def check_flip_threshold(threshold) -> Feedback:
    """Check the size of song 6's error below which model 1 wins under the L2 norm."""
    others = np.delete(ERRORS_MODEL_1, 5).astype(float)
    expected = np.sqrt(np.sum(ERRORS_MODEL_2.astype(float) ** 2) - np.sum(others**2))
    return check_value(threshold, expected, name="your threshold", rtol=1e-4)


#: Checkpoint data: a song that lasts 185 s, predicted to last 200 s.
_TRUE_DURATION, _PREDICTED_DURATION = 185.0, 200.0
#: Checkpoint data: the error vectors whose L1 and max norms are predicted.
CHECKPOINT_L1_ERRORS = np.array([3, -4, 0, 1])
CHECKPOINT_MAX_ERRORS = np.array([2, -7, 5])


def check_sign_convention(error) -> Feedback:
    """Checkpoint, section 1: the error of a 200 s prediction for a 185 s song."""
    expected = _TRUE_DURATION - _PREDICTED_DURATION
    verdict = check_value(error, expected, name="the error")
    if verdict.passed:
        return Feedback(
            True, "Right: true minus predicted is negative when the model predicts too long."
        )
    if check_value(error, -expected).passed:
        return Feedback(
            False,
            "Not yet: that is predicted minus true. The course's errors are true minus "
            "predicted, so a prediction that is too long gives a negative error.",
        )
    return verdict


def check_l1_prediction(l1) -> Feedback:
    """Checkpoint, section 3: the L1 norm of (3, -4, 0, 1), predicted."""
    e = CHECKPOINT_L1_ERRORS
    if l1 is not None and check_value(l1, float(e.sum())).passed:
        return Feedback(
            False,
            "Not yet: that is the signed sum, where the negative error cancels positive ones. "
            "The L1 norm adds the sizes of the errors.",
        )
    verdict = check_value(l1, float(np.abs(e).sum()), name="the L1 norm")
    if verdict.passed:
        return Feedback(True, "Right: 3 + 4 + 0 + 1, every error counted by its size.")
    return verdict


def check_max_prediction(largest) -> Feedback:
    """Checkpoint, section 5: the max norm of (2, -7, 5), predicted."""
    e = CHECKPOINT_MAX_ERRORS
    slips = {
        "that is the largest error with its sign; the max norm takes the sizes first.": e.max(),
        "a norm is never negative: take the size (absolute value) of each error first.": e.min(),
        "that is the L1 norm, the sum of the sizes; the max norm keeps only the largest.": (
            np.abs(e).sum()
        ),
    }
    if largest is not None:
        for message, wrong in slips.items():
            if check_value(largest, float(wrong)).passed:
                return Feedback(False, f"Not yet: {message}")
    verdict = check_value(largest, float(np.abs(e).max()), name="the max norm")
    if verdict.passed:
        return Feedback(True, "Right: the size of the worst error, whatever its sign.")
    return verdict
