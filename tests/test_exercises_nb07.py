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


# ------------------------------------------------------------------ checkpoints


def test_chain_rule_checkpoint():
    assert nb07.check_chain_rule_slope(24).passed
    assert "outer rate alone" in nb07.check_chain_rule_slope(12).message
    assert "value k(1)" in nb07.check_chain_rule_slope(8).message
    assert not nb07.check_chain_rule_slope(6).passed


def test_chain_rule_checkpoint_agrees_with_finite_differences():
    slope = (((1 + 1e-6) ** 2 + 1) ** 3 - ((1 - 1e-6) ** 2 + 1) ** 3) / 2e-6
    assert nb07.check_chain_rule_slope(slope).passed


def test_symmetric_slip_checkpoint():
    assert nb07.check_symmetric_slip(2).passed
    assert "same shape" in nb07.check_symmetric_slip(3).message
    assert not nb07.check_symmetric_slip(1).passed
    assert "choose 1, 2 or 3" in nb07.check_symmetric_slip(5).message


def test_gradient_shapes_checkpoint():
    assert nb07.check_gradient_shapes((2, 3), (2, 50)).passed
    assert nb07.check_gradient_shapes(np.array([2, 3]), [2.0, 50.0]).passed
    transposed = nb07.check_gradient_shapes((3, 2), (50, 2)).message
    assert (
        "grad_W_shape is the transpose" in transposed
        and "residuals_shape is transposed" in transposed
    )
    assert "one residual" in nb07.check_gradient_shapes((2, 3), (50, 3)).message
    assert "whole numbers" in nb07.check_gradient_shapes((2.5, 3), (2, 50)).message
    assert "should have 2 entries" in nb07.check_gradient_shapes((2, 3, 1), (2, 50)).message


def test_loop_growth_checkpoint():
    assert nb07.check_loop_growth(2).passed
    assert "once" in nb07.check_loop_growth(4).message
    assert not nb07.check_loop_growth(1).passed
    assert "choose" in nb07.check_loop_growth(3).message
