import numpy as np
import pytest

from helpers.exercises import nb03


def _blank(x):
    return None


class TestWeightedL1:
    def test_right_function_passes(self):
        verdict = nb03.check_weighted_l1(lambda x: 2 * abs(x[0]) + abs(x[1]))
        assert verdict.passed and "axioms held" in verdict.message

    @pytest.mark.parametrize("func", [None, _blank])
    def test_blank_answer(self, func):
        assert nb03.check_weighted_l1(func).message.startswith("Not answered yet")

    def test_missing_absolute_values_report_a_broken_axiom(self):
        verdict = nb03.check_weighted_l1(lambda x: 2 * x[0] + x[1])
        assert not verdict.passed and "Not a norm" in verdict.message

    def test_a_norm_with_the_wrong_weights_fails_on_values(self):
        verdict = nb03.check_weighted_l1(lambda x: abs(x[0]) + 2 * abs(x[1]))
        assert not verdict.passed and "wrong value" in verdict.message

    def test_not_a_function(self):
        verdict = nb03.check_weighted_l1(3.0)
        assert not verdict.passed and "function" in verdict.message


class TestLinf:
    def test_right_function_passes(self):
        assert nb03.check_linf(lambda x: np.max(np.abs(x))).passed

    @pytest.mark.parametrize("func", [None, _blank])
    def test_blank_answer(self, func):
        assert nb03.check_linf(func).message.startswith("Not answered yet")

    def test_missing_absolute_value_fails(self):
        verdict = nb03.check_linf(np.max)
        assert not verdict.passed and "wrong value" in verdict.message

    def test_two_components_only_fails(self):
        verdict = nb03.check_linf(lambda x: max(abs(x[0]), abs(x[1])))
        assert not verdict.passed

    def test_l1_instead_fails(self):
        assert not nb03.check_linf(lambda x: np.sum(np.abs(x))).passed


class TestSquaredL2Counterexample:
    def test_same_direction_pair_passes(self):
        assert nb03.check_squared_l2_counterexample([1, 0], [1, 0]).passed

    def test_any_pair_with_positive_dot_product_passes(self):
        assert nb03.check_squared_l2_counterexample([1, 2], [3, -1]).passed

    @pytest.mark.parametrize(("x", "y"), [(None, None), ([1, 0], None)])
    def test_blank_answer(self, x, y):
        assert "Not answered yet" in nb03.check_squared_l2_counterexample(x, y).message

    def test_perpendicular_pair_fails_with_hint(self):
        verdict = nb03.check_squared_l2_counterexample([1, 0], [0, 1])
        assert not verdict.passed and "x.y" in verdict.message

    def test_mismatched_shapes_fail(self):
        verdict = nb03.check_squared_l2_counterexample([1, 0], [1, 0, 0])
        assert not verdict.passed and "shapes" in verdict.message


class TestL1Equality:
    def test_same_sign_pattern_in_different_directions_passes(self):
        assert nb03.check_l1_equality([3, 1], [1, 2]).passed

    def test_axis_vectors_pass(self):
        assert nb03.check_l1_equality([1, 0], [0, 1]).passed

    @pytest.mark.parametrize(("u", "v"), [(None, None), (None, [1, 2])])
    def test_blank_answer(self, u, v):
        assert "Not answered yet" in nb03.check_l1_equality(u, v).message

    def test_same_direction_is_refused(self):
        verdict = nb03.check_l1_equality([1, 2], [2, 4])
        assert not verdict.passed and "same way" in verdict.message

    def test_opposite_signs_fail(self):
        verdict = nb03.check_l1_equality([1, 2], [-1, 1])
        assert not verdict.passed and "smaller" in verdict.message

    def test_zero_vector_is_refused(self):
        verdict = nb03.check_l1_equality([0, 0], [1, 2])
        assert not verdict.passed and "non-zero" in verdict.message

    def test_strings_are_refused(self):
        verdict = nb03.check_l1_equality("ab", [1, 2])
        assert not verdict.passed


class TestReturnValues:
    def test_forgotten_return_is_named(self):
        def no_return(x):
            2 * abs(x[0]) + abs(x[1])

        message = nb03.check_weighted_l1(no_return).message
        assert message.startswith("Not answered yet") and "return" in message

    def test_vector_instead_of_number_is_named(self):
        verdict = nb03.check_linf(np.abs)
        assert not verdict.passed and "one number" in verdict.message

    def test_text_instead_of_number_is_named(self):
        verdict = nb03.check_linf(lambda x: "seven")
        assert not verdict.passed and "should return a number" in verdict.message
