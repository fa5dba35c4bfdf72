import numpy as np
import pytest

from helpers.exercises import nb06


def _message_hides(verdict, *values):
    """No value of the right answer appears in the message."""
    return all(f"{v:g}" not in verdict.message for v in values)


class TestWeightedSquaredGradient:
    def test_right_answer_passes(self):
        assert nb06.check_weighted_squared_gradient(lambda x: 2 * nb06.WEIGHTS * x).passed

    @pytest.mark.parametrize("answer", [None])
    def test_blank_answer_is_not_answered_yet(self, answer):
        verdict = nb06.check_weighted_squared_gradient(answer)
        assert not verdict.passed and "Not answered yet" in verdict.message

    def test_missing_factor_two_is_named(self):
        verdict = nb06.check_weighted_squared_gradient(lambda x: nb06.WEIGHTS * x)
        assert not verdict.passed and "factor 2" in verdict.message

    def test_forgotten_weights_fail_without_revealing_the_answer(self):
        verdict = nb06.check_weighted_squared_gradient(lambda x: 2 * x)
        assert not verdict.passed
        assert _message_hides(verdict, 3, -4, 36)

    def test_wrong_shape_is_named(self):
        verdict = nb06.check_weighted_squared_gradient(lambda x: np.sum(x))
        assert not verdict.passed and "shape" in verdict.message


class TestCubeOfL2Gradient:
    def test_right_answer_passes(self):
        assert nb06.check_cube_of_l2_gradient(lambda x: 3 * np.linalg.norm(x) * x).passed

    def test_blank_answer(self):
        assert "Not answered yet" in nb06.check_cube_of_l2_gradient(None).message

    def test_l2_gradient_instead_fails(self):
        verdict = nb06.check_cube_of_l2_gradient(lambda x: x / np.linalg.norm(x))
        assert not verdict.passed and verdict.message.startswith("Not yet")

    def test_square_dropped_fails(self):
        # 3 x instead of 3 ||x|| x: works only where ||x|| = 1
        assert not nb06.check_cube_of_l2_gradient(lambda x: 3 * x).passed


class TestPNormGradient:
    @staticmethod
    def right(x, p):
        return np.sign(x) * np.abs(x) ** (p - 1) / np.sum(np.abs(x) ** p) ** ((p - 1) / p)

    def test_right_answer_passes(self):
        assert nb06.check_p_norm_gradient(self.right).passed

    @pytest.mark.parametrize("answer", [None])
    def test_blank_answer(self, answer):
        assert "Not answered yet" in nb06.check_p_norm_gradient(answer).message

    def test_answer_right_only_for_p_2_fails_and_names_p(self):
        verdict = nb06.check_p_norm_gradient(lambda x, p: x / np.linalg.norm(x))
        assert not verdict.passed and "p = " in verdict.message

    def test_not_callable(self):
        assert not nb06.check_p_norm_gradient(3.0).passed

    def test_reduces_to_the_l2_and_l1_gradients(self):
        x = np.array([1.0, -3.0, 2.0])
        np.testing.assert_allclose(self.right(x, 2), x / np.linalg.norm(x))
        np.testing.assert_allclose(self.right(x, 1), np.sign(x))


def test_weighted_squared_norm_value():
    assert nb06.weighted_squared_norm(np.array([1.0, 1.0, 1.0])) == pytest.approx(14.0)


class TestFeedbackOnCommonSlips:
    def test_an_array_instead_of_a_function_is_named(self):
        verdict = nb06.check_weighted_squared_gradient(2 * nb06.WEIGHTS)
        assert not verdict.passed and "should be a function" in verdict.message

    def test_a_failing_function_gives_feedback_not_a_traceback(self):
        def broken(x):
            return x @ np.ones((2, 2))

        verdict = nb06.check_cube_of_l2_gradient(broken)
        assert not verdict.passed and "raised ValueError" in verdict.message

    @pytest.mark.parametrize(
        "slip",
        [
            lambda x: 3 * np.linalg.norm(x) ** 2 * x,  # the division by ||x|| forgotten
            lambda x: 2 * np.linalg.norm(x) * x,  # the power rule's 3 replaced by 2
        ],
    )
    def test_right_direction_wrong_length_is_named(self, slip):
        verdict = nb06.check_cube_of_l2_gradient(slip)
        assert not verdict.passed and "points the right way" in verdict.message
        assert "relative error" in verdict.message

    def test_wrong_direction_gets_no_direction_hint(self):
        verdict = nb06.check_weighted_squared_gradient(lambda x: 2 * x)
        assert not verdict.passed and "points the right way" not in verdict.message

    def test_p_norm_gradient_of_x_only_is_told_to_take_p(self):
        verdict = nb06.check_p_norm_gradient(lambda x: x / np.linalg.norm(x))
        assert not verdict.passed and "two arguments" in verdict.message

    def test_p_norm_missing_return_is_told_plainly(self):
        def no_return(x, p):
            np.sign(x) * np.abs(x) ** (p - 1)

        verdict = nb06.check_p_norm_gradient(no_return)
        assert not verdict.passed and "`return` missing" in verdict.message
        assert "Reject" not in verdict.message and verdict.message.count("Not yet") == 1

    def test_p_norm_error_is_named_once(self):
        verdict = nb06.check_p_norm_gradient(lambda x, p: x.nope)
        assert not verdict.passed and "AttributeError" in verdict.message
        assert "Reject" not in verdict.message and verdict.message.count("Not yet") == 1

    def test_p_norm_missing_denominator_is_named(self):
        verdict = nb06.check_p_norm_gradient(lambda x, p: np.sign(x) * np.abs(x) ** (p - 1))
        assert not verdict.passed and "points the right way" in verdict.message


class TestCheckpoints:
    def test_power_rule(self):
        assert nb06.check_power_rule_slope(6).passed
        assert nb06.check_power_rule_slope(6.0000001).passed
        for slip, words in [
            (96, "new power"),
            (4, "factor a"),
            (64, "value"),
            (2, "old power"),
        ]:
            verdict = nb06.check_power_rule_slope(slip)
            assert not verdict.passed and words in verdict.message
        assert "a * s**(a - 1)" in nb06.check_power_rule_slope(5).message

    def test_power_rule_checkpoint_is_not_printed_in_the_notebook(self):
        """Section 1 prints the slope of s**a at s = 4 for a few powers: ask elsewhere."""
        assert nb06.POWER_AT != 4.0
        # and no slip gives the power a itself, which a guess may be
        a, s = nb06.POWER, nb06.POWER_AT
        assert "old power" not in nb06.check_power_rule_slope(a).message
        assert not nb06.check_power_rule_slope(a).passed and a * s ** (a - 1) != a

    def test_l2_gradient_prediction(self):
        assert nb06.check_l2_gradient_prediction(np.array([0.6, -0.8])).passed
        assert nb06.check_l2_gradient_prediction([0.6, -0.8]).passed
        for slip, words in [
            ([3, -4], "u itself"),
            ([6, -8], "squared"),
            ([0.12, -0.16], "once"),
            ([1, -1], "L1"),
            ([-0.6, 0.8], "sign"),
            ([0.8, -0.6], "u / ||u||"),
        ]:
            verdict = nb06.check_l2_gradient_prediction(slip)
            assert not verdict.passed and words in verdict.message
        assert "entries" in nb06.check_l2_gradient_prediction([0.6, -0.8, 0]).message

    def test_subgradients(self):
        assert nb06.check_subgradients_of_abs([-1, -0.3, 0, 0.8, 1]).passed
        assert nb06.check_subgradients_of_abs(np.array([1.0, 0.8, 0.0, -0.3, -1.0])).passed
        verdict = nb06.check_subgradients_of_abs([-0.3, 0, 0.8])
        assert not verdict.passed and "-1 and +1 count" in verdict.message
        verdict = nb06.check_subgradients_of_abs([-2, -1, -0.3, 0, 0.8, 1, 1.5])
        assert not verdict.passed and "steeper" in verdict.message
        verdict = nb06.check_subgradients_of_abs([-1, 1])
        assert not verdict.passed and "0 is one of them" in verdict.message
        verdict = nb06.check_subgradients_of_abs([-1, -0.5, 0, 0.5, 1])
        assert not verdict.passed and "CANDIDATE_SLOPES" in verdict.message
