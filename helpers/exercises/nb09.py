"""Exercise data and answer checks for notebook 09, Smoothness penalties.

The checkpoint checks take numbers and say at once whether they are right.
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

#: The step signal of exercise 1 and the penalty strength.
STEP_SIGNAL = np.array([0.0, 0.0, 0.0, 1.0, 1.0, 1.0])
STEP_STRENGTH = 1.0
#: Penalty strength of exercise 3 (b).
RAMP_STRENGTH = 1000.0


#: The clean ramp of exercise 3: from 0 to 2 over 54 samples, then flat at 2 for 36.
RAMP_CLEAN = np.concatenate([np.linspace(0.0, 2.0, 54), np.full(36, 2.0)])
#: The same ramp plus noise of size 0.2 (seeded): what exercise 3 denoises.
NOISY_RAMP = RAMP_CLEAN + np.random.default_rng(90).normal(0, 0.2, size=RAMP_CLEAN.size)
RAMP_CLEAN.flags.writeable = False
NOISY_RAMP.flags.writeable = False


def _difference_matrix(n: int) -> np.ndarray:
    return np.diff(np.eye(n), axis=0)


@checker
def check_penalty_gradient_at_step(gradient) -> Feedback:
    """Check the gradient of lambda ||D x||_2^2 at the step (0, 0, 0, 1, 1, 1), lambda = 1."""
    D = _difference_matrix(len(STEP_SIGNAL))
    expected = 2 * STEP_STRENGTH * D.T @ D @ STEP_SIGNAL
    answer = as_array(gradient, "penalty_gradient_at_step")
    if answer.shape == (len(STEP_SIGNAL) - 1,):
        return wrong(
            "Not yet: that has one number per difference (5); the gradient has one number "
            "per sample (6): carry D x back with D^T."
        )
    return check_value(answer, expected, name="the penalty gradient")


def _huber_tv(x: np.ndarray, eps: float) -> float:
    d = np.abs(_difference_matrix(len(x)) @ x)
    return float(np.sum(np.where(d <= eps, d**2 / (2 * eps), d - eps / 2)))


@checker
def check_huber_tv_gradient(gradient) -> Feedback:
    """Check ``gradient(x, eps)`` of the Huber-smoothed total variation.

    Tried on two seeded signals of different lengths, with differences both inside and
    outside ``[-eps, eps]``, so both cases of the Huber derivative are exercised.
    """
    call = learner_function(gradient, n_args=2, name="huber_tv_gradient")
    rng = np.random.default_rng(909)
    for length, eps in ((9, 0.6), (14, 0.3)):
        x = np.cumsum(rng.normal(0, 0.5, size=length))
        verdict = check_gradient_answer(
            lambda v, eps=eps: _huber_tv(v, eps), lambda v, eps=eps: call(v, eps), x
        )
        if verdict.passed:
            continue
        answer = as_array(call(x, eps), "the result of huber_tv_gradient")
        D = _difference_matrix(length)
        d = D @ x
        if answer.shape == x.shape and np.allclose(answer, D.T @ np.sign(d)):
            return wrong(
                "Not yet: that is the gradient of the plain total variation; inside "
                "[-eps, eps] the Huber function is a parabola, with slope d / eps."
            )
        if answer.shape == x.shape and np.allclose(answer, D.T @ np.clip(d, -1, 1)):
            return wrong(
                "Not yet: inside [-eps, eps] the slope of d^2 / (2 eps) is d / eps, not d."
            )
        return verdict
    return right("Correct: your gradient passes the finite-difference check on two signals.")


@checker
def check_second_differences(matrix) -> Feedback:
    """Check the 4 x 6 second-difference matrix D2 = D5 @ D6 (row i: x_i - 2 x_{i+1} + x_{i+2})."""
    expected = _difference_matrix(5) @ _difference_matrix(6)
    answer = as_array(matrix, "second_differences")
    if answer.shape == (4, 6) and np.allclose(answer, -expected):
        return wrong(
            "Not yet: every sign is flipped. The course's convention is that a difference is "
            "next minus current (x_{i+1} - x_i), so each row reads 1, -2, 1."
        )
    return check_value(answer, expected, name="the second-difference matrix")


@checker
def check_ramp_denoised(denoised) -> Feedback:
    """Check the second-difference Tikhonov solution for ``NOISY_RAMP`` (strength 1000)."""
    y = NOISY_RAMP
    n = len(y)
    D2 = _difference_matrix(n - 1) @ _difference_matrix(n)
    expected = np.linalg.solve(np.eye(n) + RAMP_STRENGTH * D2.T @ D2, y)
    answer = as_array(denoised, "ramp_denoised")
    if answer.shape != y.shape:
        return wrong(
            f"Not yet: ramp_denoised should have one value per sample, shape {y.shape}, "
            f"but it has shape {answer.shape}."
        )
    if np.allclose(answer, expected, rtol=1e-6, atol=1e-9):
        return right("Correct: your signal solves (I + 1000 D2^T D2) x = noisy_ramp.")
    D = _difference_matrix(n)
    first = np.linalg.solve(np.eye(n) + RAMP_STRENGTH * D.T @ D, y)
    if np.allclose(answer, first, rtol=1e-6, atol=1e-9):
        return wrong(
            "Not yet: that penalises first differences; use the second-difference "
            "matrix for the signal's length."
        )
    return wrong("Not yet: your signal does not solve (I + 1000 D2^T D2) x = noisy_ramp.")


# --------------------------------------------------------------------------- checkpoints

#: Checkpoint of section 1: a short signal whose differences the learner measures.
CHECKPOINT_SIGNAL = np.array([1.0, 3.0, 2.0, 2.0, 5.0])
CHECKPOINT_SIGNAL.flags.writeable = False


@checker
def check_difference_norms(tv, squared) -> Feedback:
    """Checkpoint: TV(x) = ||Dx||_1 and ||Dx||_2^2 of CHECKPOINT_SIGNAL."""
    tv_value = as_number(tv, "tv")
    squared_value = as_number(squared, "squared")
    d = np.diff(CHECKPOINT_SIGNAL)
    problems = []
    if not np.isclose(tv_value, np.sum(np.abs(d))):
        if np.isclose(tv_value, np.sum(d)):
            hint = (
                "that is the net climb x_n - x_1: the signed differences cancel; add their sizes."
            )
        elif np.isclose(tv_value, np.sum(np.abs(CHECKPOINT_SIGNAL))):
            hint = "that is the L1 norm of x itself; TV measures its differences."
        else:
            hint = "list the differences x_{i+1} - x_i, then add their absolute values."
        problems.append(f"tv: {hint}")
    if not np.isclose(squared_value, np.sum(d**2)):
        if np.isclose(squared_value, np.sum(np.abs(d)) ** 2):
            hint = "that is TV squared: square each difference first, then add."
        elif np.isclose(squared_value, np.sqrt(np.sum(d**2))):
            hint = "that is the L2 norm of Dx; its square is wanted."
        else:
            hint = "square each difference, then add."
        problems.append(f"squared: {hint}")
    if problems:
        return wrong("Not yet: " + " ".join(problems))
    return right(
        f"Right: the differences are {d.astype(int).tolist()}; TV adds their sizes, the "
        "squared L2 norm their squares, so the one large jump costs it the most."
    )


#: Checkpoint of section 3: Tikhonov smoothing of a constant signal, at this strength.
CONSTANT_LEVEL = 2.0
CONSTANT_LENGTH = 90
CONSTANT_STRENGTH = 30.0


@checker
def check_constant_denoised(every_sample) -> Feedback:
    """Checkpoint: the value of every sample of Tikhonov smoothing of a constant 2.0."""
    value = as_number(every_sample, "every_sample")
    D = _difference_matrix(CONSTANT_LENGTH)
    y = np.full(CONSTANT_LENGTH, CONSTANT_LEVEL)
    result = np.linalg.solve(np.eye(CONSTANT_LENGTH) + CONSTANT_STRENGTH * D.T @ D, y)
    if np.allclose(result, value):
        return right(
            "Right: a constant signal has Dx = 0, so the penalty is already 0 and the "
            "closest signal to y is y itself: the gradient 2(x - y) + 2 lambda D^T D x is 0 at x = y."
        )
    if np.isclose(value, 0):
        return wrong(
            "Not yet: the penalty charges only changes between neighbours, not the level; "
            "pulling the signal to 0 would cost ||x - y||^2 and gain nothing."
        )
    return wrong("Not yet: what is Dx for a constant signal, and so the penalty?")


#: Checkpoint of section 5: the clean signal's drop at sample 72 (from 2.5 to 0.8).
DROP = 1.7


@checker
def check_spread_charges(tv_charge, l2_charge) -> Feedback:
    """Checkpoint: ||Dx||_1 and ||Dx||_2^2 of a drop of DROP spread evenly over two steps."""
    tv_value = as_number(tv_charge, "tv_charge")
    l2_value = as_number(l2_charge, "l2_charge")
    half = DROP / 2
    problems = []
    if not np.isclose(tv_value, 2 * half):
        problems.append("tv_charge: add the sizes of the two half drops.")
    if not np.isclose(l2_value, 2 * half**2):
        if np.isclose(l2_value, DROP**2):
            problems.append("l2_charge: that is the charge for the drop in one step.")
        elif np.isclose(l2_value, half**2):
            problems.append("l2_charge: there are two half drops, each charged its square.")
        else:
            problems.append("l2_charge: square each of the two half drops, then add.")
    if problems:
        return wrong("Not yet: " + " ".join(problems))
    return right(
        f"Right: TV charges {DROP:g} however the drop is made; the squared L2 norm charges "
        f"{DROP**2:.2f} for one step but {2 * half**2:.3f} for two, half as much. Spreading a "
        "jump pays under L2, so Tikhonov blurs edges; under TV it gains nothing."
    )
