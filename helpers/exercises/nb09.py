"""Answer checks for notebook 09, Smoothness penalties."""

from __future__ import annotations

import numpy as np

from helpers.feedback import Feedback, check_gradient_answer, check_value

#: The step signal of exercise 1 and the penalty strength.
STEP_SIGNAL = np.array([0.0, 0.0, 0.0, 1.0, 1.0, 1.0])
STEP_STRENGTH = 1.0
#: Penalty strength of exercise 3 (b).
RAMP_STRENGTH = 1000.0


def _difference_matrix(n: int) -> np.ndarray:
    return np.diff(np.eye(n), axis=0)


def check_penalty_gradient_at_step(gradient) -> Feedback:
    """Check the gradient of lambda ||D x||_2^2 at the step (0, 0, 0, 1, 1, 1), lambda = 1."""
    D = _difference_matrix(len(STEP_SIGNAL))
    expected = 2 * STEP_STRENGTH * D.T @ D @ STEP_SIGNAL
    if gradient is not None:
        try:
            answer = np.asarray(gradient, dtype=float)
        except (TypeError, ValueError):
            answer = None
        if answer is not None and answer.shape == (len(STEP_SIGNAL) - 1,):
            return Feedback(
                False,
                "Not yet: that has one number per difference (5); the gradient has one number "
                "per sample (6): carry D x back with D^T.",
            )
    return check_value(gradient, expected, name="the penalty gradient")


def _huber_tv(x: np.ndarray, eps: float) -> float:
    d = np.abs(_difference_matrix(len(x)) @ x)
    return float(np.sum(np.where(d <= eps, d**2 / (2 * eps), d - eps / 2)))


def check_huber_tv_gradient(gradient) -> Feedback:
    """Check ``gradient(x, eps)`` of the Huber-smoothed total variation.

    Tried on two seeded signals of different lengths, with differences both inside and
    outside ``[-eps, eps]``, so both cases of the Huber derivative are exercised.
    """
    if gradient is None:
        return check_value(None, 0)
    if not callable(gradient):
        return Feedback(False, "Not yet: huber_tv_gradient should be a function.")
    rng = np.random.default_rng(909)
    for length, eps in ((9, 0.6), (14, 0.3)):
        x = np.cumsum(rng.normal(0, 0.5, size=length))
        try:
            verdict = check_gradient_answer(
                lambda v, eps=eps: _huber_tv(v, eps), lambda v, eps=eps: gradient(v, eps), x
            )
        except Exception as exc:  # the learner's function failed: say so, don't crash
            return Feedback(False, f"Not yet: calling huber_tv_gradient(x, eps) raised {exc!r}.")
        if not verdict.passed:
            d = _difference_matrix(length) @ x
            try:
                answer = np.asarray(gradient(x.copy(), eps), dtype=float)
            except (TypeError, ValueError):
                return verdict
            if answer.shape == x.shape and np.allclose(
                answer, _difference_matrix(length).T @ np.sign(d)
            ):
                return Feedback(
                    False,
                    "Not yet: that is the gradient of the plain total variation; inside "
                    "[-eps, eps] the Huber function is a parabola, with slope d / eps.",
                )
            if answer.shape == x.shape and np.allclose(
                answer, _difference_matrix(length).T @ np.clip(d, -1, 1)
            ):
                return Feedback(
                    False,
                    "Not yet: inside [-eps, eps] the slope of d^2 / (2 eps) is d / eps, not d.",
                )
            return verdict
    return Feedback(
        True, "Correct: your gradient passes the finite-difference check on two signals."
    )


def check_second_differences(matrix) -> Feedback:
    """Check the 4 x 6 second-difference matrix."""
    expected = _difference_matrix(5) @ _difference_matrix(6)
    if matrix is not None:
        try:
            answer = np.asarray(matrix, dtype=float)
        except (TypeError, ValueError):
            answer = None
        if answer is not None and answer.shape == (4, 6) and np.allclose(answer, -expected):
            return Feedback(
                False, "Not yet: every sign is flipped (check the order of the product)."
            )
    return check_value(matrix, expected, name="the second-difference matrix")


def check_ramp_denoised(denoised, noisy_ramp) -> Feedback:
    """Check the second-difference Tikhonov solution for the notebook's ``noisy_ramp``."""
    y = np.asarray(noisy_ramp, dtype=float)
    n = len(y)
    D2 = _difference_matrix(n - 1) @ _difference_matrix(n)
    expected = np.linalg.solve(np.eye(n) + RAMP_STRENGTH * D2.T @ D2, y)
    if denoised is not None:
        try:
            answer = np.asarray(denoised, dtype=float)
        except (TypeError, ValueError):
            answer = None
        if (
            answer is not None
            and answer.shape == y.shape
            and not np.allclose(answer, expected, rtol=1e-6, atol=1e-9)
        ):
            D = _difference_matrix(n)
            first = np.linalg.solve(np.eye(n) + RAMP_STRENGTH * D.T @ D, y)
            if np.allclose(answer, first, rtol=1e-6, atol=1e-9):
                return Feedback(
                    False,
                    "Not yet: that penalises first differences; use the second-difference "
                    "matrix for the signal's length.",
                )
            return Feedback(
                False,
                "Not yet: your signal does not solve (I + 1000 D2^T D2) x = noisy_ramp.",
            )
    return check_value(denoised, expected, name="your denoised signal", rtol=1e-6)
