import numpy as np
import pytest

from helpers.exercises import nb03
from helpers.feedback import Status


def _blank(x):
    return None


class TestWeightedL1:
    def test_right_function_passes(self):
        verdict = nb03.check_weighted_l1(lambda x: 2 * abs(x[0]) + abs(x[1]))
        assert verdict.passed and "axioms held" in verdict.message

    def test_blank_answer(self):
        assert nb03.check_weighted_l1(None).status is Status.NOT_ANSWERED

    def test_a_function_returning_none_is_told_so(self):
        verdict = nb03.check_weighted_l1(_blank)
        assert verdict.status is Status.WRONG and "`return` missing" in verdict.message

    def test_a_function_of_two_arguments_is_told_so(self):
        verdict = nb03.check_weighted_l1(lambda x1, x2: 2 * abs(x1) + abs(x2))
        assert verdict.status is Status.WRONG
        assert "should take 1 argument, but yours takes 2" in verdict.message

    def test_missing_absolute_values_report_a_broken_axiom(self):
        verdict = nb03.check_weighted_l1(lambda x: 2 * x[0] + x[1])
        assert not verdict.passed and "Not a norm" in verdict.message

    def test_a_norm_with_the_wrong_weights_fails_on_values(self):
        verdict = nb03.check_weighted_l1(lambda x: abs(x[0]) + 2 * abs(x[1]))
        assert not verdict.passed and "wrong value" in verdict.message

    def test_counting_from_one_is_named(self):
        verdict = nb03.check_weighted_l1(lambda x: 2 * abs(x[1]) + abs(x[2]))
        assert not verdict.passed and "counts from 0" in verdict.message

    def test_not_a_function(self):
        verdict = nb03.check_weighted_l1(3.0)
        assert not verdict.passed and "function" in verdict.message


class TestLinf:
    def test_right_function_passes(self):
        assert nb03.check_linf(lambda x: np.max(np.abs(x))).passed

    def test_blank_answer(self):
        assert nb03.check_linf(None).status is Status.NOT_ANSWERED

    def test_a_function_that_raises_is_named(self):
        verdict = nb03.check_linf(lambda x: x[4])
        assert verdict.status is Status.WRONG and "IndexError" in verdict.message

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

    def test_tiny_vectors_are_judged_like_any_other(self):
        assert nb03.check_squared_l2_counterexample([1e-9, 0], [1e-9, 0]).passed

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

        verdict = nb03.check_weighted_l1(no_return)
        assert verdict.status is Status.WRONG and "`return` missing" in verdict.message

    def test_vector_instead_of_number_is_named(self):
        verdict = nb03.check_linf(np.abs)
        assert not verdict.passed and "one number" in verdict.message

    def test_text_instead_of_number_is_named(self):
        verdict = nb03.check_linf(lambda x: "seven")
        assert not verdict.passed and "should return a number" in verdict.message


class TestCheckpoints:
    def test_homogeneity_right_prediction_passes(self):
        assert nb03.check_homogeneity_prediction(12).passed
        assert nb03.check_homogeneity_prediction(np.float64(12.0)).passed

    @pytest.mark.parametrize(("prediction", "hint"), [(-12, "|k|"), (3, "size of x itself")])
    def test_homogeneity_slips_are_named(self, prediction, hint):
        verdict = nb03.check_homogeneity_prediction(prediction)
        assert verdict.status is Status.WRONG and hint in verdict.message

    def test_homogeneity_wrong_message_never_reveals_the_answer(self):
        assert "12" not in nb03.check_homogeneity_prediction(7).message

    @pytest.mark.parametrize("v", [[6, -2], np.array([0.3, -0.1]), (3, -1)])
    def test_flat_triangle_positive_multiples_pass(self, v):
        assert nb03.check_flat_triangle(v).passed

    @pytest.mark.parametrize(
        ("v", "hint"),
        [([0, 0], "non-zero"), ([-6, 2], "opposite"), ([1, 3], "less than")],
    )
    def test_flat_triangle_wrong_vectors_are_told_why(self, v, hint):
        verdict = nb03.check_flat_triangle(v)
        assert verdict.status is Status.WRONG and hint in verdict.message

    def test_flat_triangle_wants_two_components(self):
        verdict = nb03.check_flat_triangle([3, -1, 0])
        assert verdict.status is Status.WRONG and "2 entries" in verdict.message

    def test_angle_in_degrees_passes(self):
        a, b = nb03.ANGLE_A, nb03.ANGLE_B
        angle = np.degrees(np.arccos(a @ b / (np.linalg.norm(a) * np.linalg.norm(b))))
        assert nb03.check_angle_degrees(angle).passed

    @pytest.mark.parametrize(("angle", "hint"), [(np.radians(135), "radians"), (45, "sign")])
    def test_angle_slips_are_named(self, angle, hint):
        verdict = nb03.check_angle_degrees(angle)
        assert verdict.status is Status.WRONG and hint in verdict.message

    def test_similarity_prediction_to_two_decimals_passes(self):
        e1, e2 = nb03.ERRORS_MODEL_1, nb03.ERRORS_MODEL_2
        exact = e1 @ (-10 * e2) / (np.linalg.norm(e1) * np.linalg.norm(-10 * e2))
        assert nb03.check_similarity_prediction(exact).passed
        assert nb03.check_similarity_prediction(round(exact, 2)).passed

    @pytest.mark.parametrize(
        ("prediction", "hint"), [(0.75, "minus sign"), (-7.49, "length"), (-1.5, "between")]
    )
    def test_similarity_slips_are_named(self, prediction, hint):
        verdict = nb03.check_similarity_prediction(prediction)
        assert verdict.status is Status.WRONG and hint in verdict.message
