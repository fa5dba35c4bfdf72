"""Answer checks for notebook 07, The chain rule and matrix derivatives.

The exercise data live here, so that the notebook and the checks use the same numbers.
Each exercise check compares the learner's gradient function with central differences of
the loss it should differentiate, at fixed points, and never prints the answer. The
checkpoint checks take a number (or a choice, numbered) and say at once whether it is right.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from helpers.feedback import (
    Feedback,
    as_array,
    as_number,
    as_vector,
    check_gradient_at_points,
    checker,
    right,
    wrong,
)
from helpers.gradcheck import numerical_gradient

_rng = np.random.default_rng(2024)

#: Exercise 1: a 2 x 3 matrix W and a target y in R^2, for ||W x - y||^2 as a function of x.
EX1_W = np.array([[2.0, -1.0, 0.5], [1.0, 3.0, -2.0]])
EX1_Y = np.array([1.0, -2.0])

#: Exercise 2: six samples as columns (inputs 3-D, targets 2-D) and one weight per sample.
EX2_X = _rng.normal(size=(3, 6)).round(2)
EX2_Y = _rng.normal(size=(2, 6)).round(2)
EX2_C = np.array([1.0, 0.5, 2.0, 1.0, 0.25, 3.0])

#: Exercise 3: forty samples as rows, as data tables store them (inputs 3-D, targets 2-D).
EX3_X_ROWS = _rng.normal(size=(40, 3)).round(2)
EX3_Y_ROWS = _rng.normal(size=(40, 2)).round(2)

_POINTS_X = (np.array([0.5, -1.0, 2.0]), np.array([-1.5, 0.3, 0.8]))
_POINTS_W = tuple(np.random.default_rng(seed).normal(size=(2, 3)) for seed in (11, 12))


def _ex1_loss(x: np.ndarray) -> float:
    r = EX1_W @ x - EX1_Y
    return float(np.sum(r**2))


@checker
def check_grad_in_x(grad: Callable[[np.ndarray], np.ndarray] | None) -> Feedback:
    """Check the gradient of ||W x - y||^2 with respect to x (exercise 1)."""
    return check_gradient_at_points(_ex1_loss, grad, _POINTS_X, what="of ||W x - y||^2 in x")


def _ex2_loss(W: np.ndarray) -> float:
    R = W @ EX2_X - EX2_Y
    return float(np.sum(EX2_C * np.sum(R**2, axis=0)))


@checker
def check_weighted_least_squares_gradient(
    grad: Callable[[np.ndarray], np.ndarray] | None,
) -> Feedback:
    """Check the gradient in W of sum_k c_k ||W x_k - y_k||^2 (exercise 2)."""

    def slips(answer: np.ndarray, W: np.ndarray) -> str | None:
        unweighted = 2 * (W @ EX2_X - EX2_Y) @ EX2_X.T
        if answer.shape == unweighted.shape and np.allclose(answer, unweighted, rtol=1e-4):
            return "it is the gradient of the unweighted loss: where do the weights c_k go?"
        return None

    return check_gradient_at_points(
        _ex2_loss, grad, _POINTS_W, what="of the weighted least-squares loss", slips=slips
    )


def _ex3_loss(W: np.ndarray) -> float:
    E = EX3_X_ROWS @ W.T - EX3_Y_ROWS
    return float(np.sum(np.abs(E)) / len(EX3_X_ROWS))


@checker
def check_mean_l1_gradient(grad: Callable[[np.ndarray], np.ndarray] | None) -> Feedback:
    """Check the gradient in W of (1/N) sum_k ||W x_k - y_k||_1, samples as rows (exercise 3)."""
    n = len(EX3_X_ROWS)

    def slips(answer: np.ndarray, W: np.ndarray) -> str | None:
        right = numerical_gradient(_ex3_loss, W)
        if answer.shape == right.shape and np.allclose(answer, n * right, rtol=1e-4):
            return f"it is N = {n} times the right size: a mean divides the sum by N."
        return None

    return check_gradient_at_points(
        _ex3_loss, grad, _POINTS_W, what="of the mean L1 error", slips=slips
    )


# --------------------------------------------------------------------------- checkpoints

#: Checkpoint of section 1: the slope of k(x) = (x**2 + 1)**3 at this point.
CHAIN_POINT = 1.0


def _chain_parts(x: float) -> tuple[float, float]:
    """The outer rate 3 u**2 at u = x**2 + 1, and the inner rate 2 x."""
    return 3 * (x**2 + 1) ** 2, 2 * x


@checker
def check_chain_rule_slope(slope_at_1) -> Feedback:
    """Checkpoint: k'(1) for k(x) = (x**2 + 1)**3, by the chain rule."""
    value = as_number(slope_at_1, "slope_at_1")
    outer, inner = _chain_parts(CHAIN_POINT)
    if np.isclose(value, outer * inner):
        return right(
            f"Right: the outer rate is 3 u^2 = {outer:g} at u = 2, the inner rate 2x = "
            f"{inner:g}, and the chain rule multiplies them."
        )
    if np.isclose(value, outer):
        return wrong("Not yet: that is the outer rate alone; multiply by the inner rate 2x.")
    if np.isclose(value, (CHAIN_POINT**2 + 1) ** 3):
        return wrong("Not yet: that is the value k(1), not its slope.")
    return wrong(
        "Not yet: write k as f(g(x)) with g(x) = x^2 + 1 and f(u) = u^3, take each rate at "
        "its own point (f' at u = g(1)), and multiply."
    )


#: Choices of the checkpoint of section 3 (what the transpose slip does for a symmetric A).
SLIP_CHOICES = {
    1: "fail the gradient check",
    2: "pass the gradient check",
    3: "raise a shape error",
}


@checker
def check_symmetric_slip(slip_choice) -> Feedback:
    """Checkpoint: with a symmetric A (A = A^T), the slip (I - A) sign(x - Ax) would ..."""
    choice = as_number(slip_choice, "slip_choice")
    if choice not in SLIP_CHOICES:
        return wrong(f"Not yet: choose 1, 2 or 3, got {choice:g}.")
    if choice == 2:
        return right(
            "Right: when A = A^T the slip is no slip, so the check passes. That is why a "
            "check on a symmetric matrix (or a nearly symmetric one) proves little about "
            "where a transpose belongs."
        )
    if choice == 3:
        return wrong(
            "Not yet: A and A^T are both 3 x 3, so every product has the same shape as before."
        )
    return wrong("Not yet: what is the difference between A and A^T when A is symmetric?")


#: Checkpoint of section 6: a model with W of this shape, fitted on this many samples.
SHAPES_W = (2, 3)
SHAPES_SAMPLES = 50


@checker
def check_gradient_shapes(grad_W_shape, residuals_shape) -> Feedback:
    """Checkpoint: the shapes of grad_W L and of R for a 2 x 3 W and 50 samples as columns."""
    as_array(grad_W_shape, "grad_W_shape")  # text, NaN, ... in either answer first
    as_array(residuals_shape, "residuals_shape")
    grad_array = as_vector(grad_W_shape, "grad_W_shape", length=2)
    residuals_array = as_vector(residuals_shape, "residuals_shape", length=2)
    if not all(float(v).is_integer() for v in (*grad_array, *residuals_array)):
        return wrong("Not yet: a shape is a pair of whole numbers, such as (4, 7).")
    grad = tuple(int(v) for v in grad_array)
    residuals = tuple(int(v) for v in residuals_array)
    expected_residuals = (SHAPES_W[0], SHAPES_SAMPLES)
    problems = []
    if grad == SHAPES_W[::-1]:
        problems.append("grad_W_shape is the transpose: one entry per weight, shaped like W.")
    elif grad != SHAPES_W:
        problems.append("grad_W_shape: the gradient has one entry per weight w_ij.")
    if residuals == expected_residuals[::-1]:
        problems.append(
            "residuals_shape is transposed: the samples are columns, one residual per column."
        )
    elif residuals != expected_residuals:
        problems.append("residuals_shape: each sample has one residual, with one entry per output.")
    if problems:
        return wrong("Not yet: " + " ".join(problems))
    return right(
        f"Right: the gradient is shaped like W, {SHAPES_W}, whatever the number of samples; "
        f"R has one column per sample, {expected_residuals}, and 2 R X^T is "
        f"({SHAPES_W[0]} x {SHAPES_SAMPLES}) @ ({SHAPES_SAMPLES} x {SHAPES_W[1]})."
    )


#: Choices of the timing checkpoint: the loop's time when the samples double.
GROWTH_CHOICES = (1, 2, 4)


@checker
def check_loop_growth(growth) -> Feedback:
    """Checkpoint: about how many times longer the loop takes on twice the samples."""
    value = as_number(growth, "growth")
    if value not in GROWTH_CHOICES:
        return wrong("Not yet: choose 1, 2 or 4.")
    if value == 2:
        return right(
            "Right: the loop does the same small amount of work per sample, so twice the "
            "samples take about twice the time (the vectorised code grows in proportion too, "
            "from a far smaller start). Run the next cell to see it on this machine."
        )
    if value == 4:
        return wrong(
            "Not yet: each sample is visited once, by a 3 x 3 product that does not grow "
            "with the number of samples."
        )
    return wrong("Not yet: every extra sample costs one more pass through the loop body.")
