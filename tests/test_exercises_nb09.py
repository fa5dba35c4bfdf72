import numpy as np
import pytest

from helpers.exercises import nb09


def difference_matrix(n):
    return np.diff(np.eye(n), axis=0)


class TestPenaltyGradientAtStep:
    step = np.array([0.0, 0.0, 0.0, 1.0, 1.0, 1.0])

    def right(self):
        D = difference_matrix(6)
        return 2 * D.T @ D @ self.step

    def test_right_answer_passes(self):
        assert nb09.check_penalty_gradient_at_step(self.right()).passed
        assert nb09.check_penalty_gradient_at_step(list(self.right())).passed

    def test_blank(self):
        assert "Not answered yet" in nb09.check_penalty_gradient_at_step(None).message

    def test_forgotten_transpose_is_named(self):
        D = difference_matrix(6)
        verdict = nb09.check_penalty_gradient_at_step(2 * D @ self.step)
        assert not verdict.passed and "D^T" in verdict.message

    @pytest.mark.parametrize(("factor", "hint"), [(0.5, "factor 2"), (-1.0, "sign")])
    def test_common_slips_are_named(self, factor, hint):
        verdict = nb09.check_penalty_gradient_at_step(factor * self.right())
        assert not verdict.passed and hint in verdict.message

    def test_message_does_not_reveal_the_answer(self):
        verdict = nb09.check_penalty_gradient_at_step(np.zeros(6))
        assert not verdict.passed and "-2" not in verdict.message


class TestHuberTvGradient:
    @staticmethod
    def right(x, eps):
        D = difference_matrix(len(x))
        return D.T @ np.clip(D @ x / eps, -1, 1)

    def test_right_answer_passes(self):
        verdict = nb09.check_huber_tv_gradient(self.right)
        assert verdict.passed and "two signals" in verdict.message

    @pytest.mark.parametrize("answer", [None])
    def test_blank(self, answer):
        assert "Not answered yet" in nb09.check_huber_tv_gradient(answer).message

    def test_plain_tv_gradient_is_named(self):
        def plain(x, eps):
            D = difference_matrix(len(x))
            return D.T @ np.sign(D @ x)

        verdict = nb09.check_huber_tv_gradient(plain)
        assert not verdict.passed and "plain total variation" in verdict.message

    def test_missing_division_by_eps_is_named(self):
        def no_eps(x, eps):
            D = difference_matrix(len(x))
            return D.T @ np.clip(D @ x, -1, 1)

        verdict = nb09.check_huber_tv_gradient(no_eps)
        assert not verdict.passed and "d / eps" in verdict.message

    def test_a_function_for_one_length_only_fails_cleanly(self):
        D9 = difference_matrix(9)

        def fixed_length(x, eps):
            return D9.T @ np.clip(D9 @ x / eps, -1, 1)

        verdict = nb09.check_huber_tv_gradient(fixed_length)
        assert not verdict.passed and "raised" in verdict.message

    def test_missing_transpose_gives_a_shape_message(self):
        def no_transpose(x, eps):
            D = difference_matrix(len(x))
            return np.clip(D @ x / eps, -1, 1)

        verdict = nb09.check_huber_tv_gradient(no_transpose)
        assert not verdict.passed and "shape" in verdict.message

    def test_not_a_function(self):
        assert not nb09.check_huber_tv_gradient(np.zeros(3)).passed


class TestSecondDifferences:
    def test_right_answer_passes(self):
        assert nb09.check_second_differences(difference_matrix(5) @ difference_matrix(6)).passed

    def test_blank(self):
        assert "Not answered yet" in nb09.check_second_differences(None).message

    def test_flipped_signs_are_named(self):
        verdict = nb09.check_second_differences(-(difference_matrix(5) @ difference_matrix(6)))
        assert not verdict.passed and "sign" in verdict.message
        assert "next minus current" in verdict.message and "order" not in verdict.message

    def test_wrong_shape_is_named(self):
        verdict = nb09.check_second_differences(difference_matrix(6).T @ difference_matrix(6))
        assert not verdict.passed and "shape" in verdict.message


class TestRampDenoised:
    noisy = nb09.NOISY_RAMP

    def solve(self, D):
        return np.linalg.solve(np.eye(90) + 1000 * D.T @ D, self.noisy)

    def test_right_answer_passes(self):
        D2 = difference_matrix(89) @ difference_matrix(90)
        assert nb09.check_ramp_denoised(self.solve(D2)).passed

    def test_first_differences_are_named(self):
        verdict = nb09.check_ramp_denoised(self.solve(difference_matrix(90)))
        assert not verdict.passed and "first differences" in verdict.message

    def test_other_wrong_answers(self):
        verdict = nb09.check_ramp_denoised(self.noisy)
        assert not verdict.passed and "does not solve" in verdict.message
        verdict = nb09.check_ramp_denoised(np.zeros(3))
        assert not verdict.passed and "shape" in verdict.message


# ------------------------------------------------------------------ checkpoints


def test_difference_norms_checkpoint():
    assert nb09.check_difference_norms(6, 14).passed
    net = nb09.check_difference_norms(4, 14).message
    assert "net climb" in net and "squared:" not in net
    assert "TV squared" in nb09.check_difference_norms(6, 36).message
    assert "L2 norm of Dx" in nb09.check_difference_norms(6, np.sqrt(14)).message


def test_constant_denoised_checkpoint():
    assert nb09.check_constant_denoised(2.0).passed
    assert "only changes" in nb09.check_constant_denoised(0).message
    assert not nb09.check_constant_denoised(1.0).passed


def test_spread_charges_checkpoint():
    assert nb09.check_spread_charges(1.7, 2 * 0.85**2).passed
    assert "in one step" in nb09.check_spread_charges(1.7, 1.7**2).message
    assert "two half drops" in nb09.check_spread_charges(1.7, 0.85**2).message
    assert "tv_charge" in nb09.check_spread_charges(0.85, 1.445).message
