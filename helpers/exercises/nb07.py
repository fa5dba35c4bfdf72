"""Answer checks for notebook 07, The chain rule and matrix derivatives.

The exercise data live here, so that the notebook and the checks use the same numbers.
Each check compares the learner's gradient function with central differences of the loss
it should differentiate, at fixed points, and never prints the answer.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from helpers.feedback import Feedback, check_gradient_at_points, checker
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
