import numpy as np
import pytest

from helpers.exercises import nb07


def grad_in_x(x):
    return 2 * nb07.EX1_W.T @ (nb07.EX1_W @ x - nb07.EX1_Y)


def grad_weighted(W):
    R = W @ nb07.EX2_X - nb07.EX2_Y
    return 2 * (R * nb07.EX2_C) @ nb07.EX2_X.T


def grad_mean_l1(W):
    E = nb07.EX3_X_ROWS @ W.T - nb07.EX3_Y_ROWS
    return np.sign(E).T @ nb07.EX3_X_ROWS / len(nb07.EX3_X_ROWS)


CHECKS = [
    (nb07.check_grad_in_x, grad_in_x),
    (nb07.check_weighted_least_squares_gradient, grad_weighted),
    (nb07.check_mean_l1_gradient, grad_mean_l1),
]


@pytest.mark.parametrize(("check", "right"), CHECKS)
def test_right_answers_pass(check, right):
    verdict = check(right)
    assert verdict.passed and verdict.message.startswith("Correct")


@pytest.mark.parametrize(("check", "right"), CHECKS)
@pytest.mark.parametrize("blank", [None])
def test_blank_answers_are_not_answered_yet(check, right, blank):
    verdict = check(blank)
    assert not verdict.passed and "Not answered yet" in verdict.message


@pytest.mark.parametrize(("check", "right"), CHECKS)
def test_factor_two_is_named(check, right):
    verdict = check(lambda v: 0.5 * right(v))
    assert not verdict.passed and "factor 2" in verdict.message


def test_missing_transpose_in_x_is_a_shape_error():
    verdict = nb07.check_grad_in_x(lambda x: 2 * nb07.EX1_W @ x)
    assert not verdict.passed and "shape" in verdict.message


def test_unweighted_gradient_fails_and_is_named():
    def unweighted(W):
        return 2 * (W @ nb07.EX2_X - nb07.EX2_Y) @ nb07.EX2_X.T

    verdict = nb07.check_weighted_least_squares_gradient(unweighted)
    assert not verdict.passed and "unweighted" in verdict.message


def test_sum_instead_of_mean_fails_and_is_named():
    verdict = nb07.check_mean_l1_gradient(lambda W: grad_mean_l1(W) * len(nb07.EX3_X_ROWS))
    assert not verdict.passed and "N = 40" in verdict.message


@pytest.mark.parametrize(
    ("check", "slip"),
    [
        # W where W.T belongs: the product does not fit
        (nb07.check_grad_in_x, lambda x: 2 * nb07.EX1_W @ (nb07.EX1_W @ x - nb07.EX1_Y)),
        (
            nb07.check_mean_l1_gradient,
            lambda W: np.sign(nb07.EX3_X_ROWS @ W.T - nb07.EX3_Y_ROWS) @ nb07.EX3_X_ROWS,
        ),
    ],
)
def test_a_shape_error_gives_feedback_not_a_traceback(check, slip):
    verdict = check(slip)
    assert not verdict.passed and "raised ValueError" in verdict.message
    assert "shape" in verdict.message


def test_an_array_instead_of_a_function_is_named():
    verdict = nb07.check_grad_in_x(np.zeros(3))
    assert not verdict.passed and "should be a function" in verdict.message


def test_messages_do_not_reveal_the_answer():
    W = nb07._POINTS_W[0]
    verdict = nb07.check_weighted_least_squares_gradient(lambda V: grad_weighted(V) + 1.0)
    assert not verdict.passed
    for value in grad_weighted(W).ravel():
        assert f"{value:.2f}" not in verdict.message


def test_no_residual_is_near_zero_at_the_check_points():
    # the mean L1 error must be differentiable where the check evaluates it
    for W in nb07._POINTS_W:
        E = nb07.EX3_X_ROWS @ W.T - nb07.EX3_Y_ROWS
        assert np.min(np.abs(E)) > 1e-4


def test_exercise_data_shapes():
    assert nb07.EX1_W.shape == (2, 3) and nb07.EX1_Y.shape == (2,)
    assert nb07.EX2_X.shape == (3, 6) and nb07.EX2_Y.shape == (2, 6) and nb07.EX2_C.shape == (6,)
    assert nb07.EX3_X_ROWS.shape == (40, 3) and nb07.EX3_Y_ROWS.shape == (40, 2)
