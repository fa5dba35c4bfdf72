import numpy as np
import pytest

from helpers.exercises import nb08


class TestDecayFactor:
    def test_right_answer_passes(self):
        assert nb08.check_decay_factor(0.7).passed

    def test_blank(self):
        assert "Not answered yet" in nb08.check_decay_factor(None).message

    def test_missing_factor_two_is_named(self):
        verdict = nb08.check_decay_factor(0.85)
        assert not verdict.passed and "2 lambda w" in verdict.message

    def test_removed_fraction_is_named(self):
        verdict = nb08.check_decay_factor(0.3)
        assert not verdict.passed and "what remains" in verdict.message

    @pytest.mark.parametrize("factor", [1.0, 1.3])
    def test_factor_not_below_one_is_named(self, factor):
        verdict = nb08.check_decay_factor(factor)
        assert not verdict.passed and "below 1" in verdict.message

    def test_wrong_answer_does_not_reveal_the_answer(self):
        verdict = nb08.check_decay_factor(0.5)
        assert not verdict.passed and "0.7" not in verdict.message


class TestStepsBelowOne:
    def test_right_answer_passes(self):
        assert nb08.check_steps_below_one(6).passed
        assert nb08.check_steps_below_one(np.int64(6)).passed
        assert nb08.check_steps_below_one(6.0).passed

    def test_blank(self):
        assert "Not answered yet" in nb08.check_steps_below_one(None).message

    @pytest.mark.parametrize(("steps", "words"), [(5, "still"), (3, "too few"), (10, "too many")])
    def test_wrong_counts(self, steps, words):
        verdict = nb08.check_steps_below_one(steps)
        assert not verdict.passed and words in verdict.message
        assert "6" not in verdict.message

    def test_not_a_whole_number(self):
        assert "whole number" in nb08.check_steps_below_one(5.3).message


class TestPenalisedGradient:
    @staticmethod
    def right(w, b, A, y, lam):
        return 2 * A.T @ (A @ w + b - y) / len(y) + 2 * lam * w

    def test_right_answer_passes(self):
        assert nb08.check_penalised_gradient(self.right).passed

    @pytest.mark.parametrize("answer", [None])
    def test_blank(self, answer):
        assert "Not answered yet" in nb08.check_penalised_gradient(answer).message

    def test_dropped_square_is_named(self):
        def dropped(w, b, A, y, lam):
            return 2 * A.T @ (A @ w + b - y) / len(y) + lam * w

        verdict = nb08.check_penalised_gradient(dropped)
        assert not verdict.passed and "2 w" in verdict.message

    def test_missing_penalty_is_named(self):
        def no_penalty(w, b, A, y, lam):
            return 2 * A.T @ (A @ w + b - y) / len(y)

        verdict = nb08.check_penalised_gradient(no_penalty)
        assert not verdict.passed and "penalty's part" in verdict.message

    def test_missing_mean_is_named(self):
        def no_mean(w, b, A, y, lam):
            return 2 * A.T @ (A @ w + b - y) + 2 * lam * w

        verdict = nb08.check_penalised_gradient(no_mean)
        assert not verdict.passed and "division by their number" in verdict.message

    def test_sign_slip_is_named(self):
        verdict = nb08.check_penalised_gradient(lambda *args: -self.right(*args))
        assert not verdict.passed and "sign" in verdict.message

    def test_a_crashing_function_gets_a_message(self):
        def crashes(w, b, A, y, lam):
            raise ZeroDivisionError("boom")

        verdict = nb08.check_penalised_gradient(crashes)
        assert not verdict.passed and "raised" in verdict.message

    def test_not_a_function(self):
        assert not nb08.check_penalised_gradient(3.0).passed


class TestLambdaMax:
    @staticmethod
    def gradient_at_zero():
        features = (nb08.RAW_FEATURES - nb08.RAW_FEATURES.mean(axis=0)) / nb08.RAW_FEATURES.std(
            axis=0
        )
        centred = nb08.DURATIONS - nb08.DURATIONS.mean()
        return 2 * features.T @ centred / len(centred)

    def test_right_answer_passes_to_a_tenth_of_a_percent(self):
        expected = np.max(np.abs(self.gradient_at_zero()))
        assert nb08.check_lambda_max(expected).passed
        assert nb08.check_lambda_max(expected * (1 + 5e-4)).passed
        assert not nb08.check_lambda_max(expected * (1 + 5e-3)).passed

    @pytest.mark.parametrize(("ord_", "words"), [(1, "L1 norm"), (2, "L2 norm")])
    def test_wrong_norm_is_named(self, ord_, words):
        verdict = nb08.check_lambda_max(np.linalg.norm(self.gradient_at_zero(), ord_))
        assert not verdict.passed and words in verdict.message

    def test_half_is_named_without_the_answer(self):
        expected = np.max(np.abs(self.gradient_at_zero()))
        verdict = nb08.check_lambda_max(expected / 2)
        assert not verdict.passed and "factor 2" in verdict.message
        assert f"{expected:.2f}" not in verdict.message

    def test_the_song_data_cannot_be_changed(self):
        with pytest.raises(ValueError, match="read-only"):
            nb08.DURATIONS[0] = 0.0


def test_answers_that_are_not_numbers_get_a_message():
    assert not nb08.check_decay_factor("0.7x").passed
    assert not nb08.check_steps_below_one("ten").passed
    verdict = nb08.check_penalised_gradient(lambda w, b, A, y, lam: "gradient")
    assert not verdict.passed and "list or array of numbers" in verdict.message


# ------------------------------------------------------------------ checkpoints


def test_learning_curves_checkpoint():
    assert nb08.check_learning_curves(0.5, 0.6).passed
    slow = nb08.check_learning_curves(0.1, 0.6)
    assert not slow.passed and "fewer steps" in slow.message
    swapped = nb08.check_learning_curves(0.6, 0.5).message
    assert "never settles" in swapped and "diverging_eta" in swapped
    assert "among the learning rates" in nb08.check_learning_curves(0.3, 0.6).message


def test_soft_threshold_checkpoint():
    assert nb08.check_soft_threshold([0.7, 0.0, 0.0, -1.5]).passed
    assert nb08.check_soft_threshold(np.array([0.7, -0.0, 0, -1.5])).passed
    crossed = nb08.check_soft_threshold([0.7, 0.2, -0.45, -1.5])
    assert not crossed.passed and "cross 0" in crossed.message
    assert "also move toward 0" in nb08.check_soft_threshold([1.2, 0, 0, -2.0]).message
    assert "keep the sign" in nb08.check_soft_threshold([0.7, 0, 0, 1.5]).message
    assert "negative values move up" in nb08.check_soft_threshold([0.7, -0.8, -0.45, -2.5]).message
    assert "one number per value" in nb08.check_soft_threshold([0.7, -1.5]).message
    assert "Not answered yet" in nb08.check_soft_threshold(None).message
    for wrong_answer in ([0.7, 0, 0, -1.0], [1, 0, 0, -2]):
        verdict = nb08.check_soft_threshold(wrong_answer)
        assert not verdict.passed and "1.5" not in verdict.message and "0.7" not in verdict.message


def test_l1_path_checkpoint():
    assert nb08.check_l1_path(4, 0).passed
    assert "nonzero_at_10" in nb08.check_l1_path(5, 0).message
    wrong_feature = nb08.check_l1_path(4, 4).message
    assert "title length" in wrong_feature and "nonzero_at_10" not in wrong_feature
    assert "0 to 4" in nb08.check_l1_path(4, 5).message
    assert "0 to 4" in nb08.check_l1_path(4, 1.5).message


def test_l1_path_checkpoint_agrees_with_the_notebooks_ista():
    """At lambda = 10 the title-length weight is 0 and the other four are not."""
    w = nb08._lasso(nb08.PATH_STRENGTH)
    assert np.count_nonzero(w) == 4 and w[nb08.FEATURE_NAMES.index("title length")] == 0


def test_outliers_checkpoint():
    assert nb08.check_outliers_removed(2).passed
    assert "same strength" in nb08.check_outliers_removed(1).message
    assert not nb08.check_outliers_removed(3).passed
    assert "choose" in nb08.check_outliers_removed(0).message


def test_touch_point_checkpoint():
    assert nb08.check_touch_point(2).passed
    assert "old w*" in nb08.check_touch_point(1).message
    assert not nb08.check_touch_point(3).passed


def test_the_touch_point_search_finds_corners_and_edges():
    assert np.allclose(nb08._diamond_touch(nb08.W_STAR), [1, 0])
    assert np.allclose(nb08._diamond_touch(nb08.MOVED_W_STAR), [0, 1])
    edge = nb08._diamond_touch(np.array([1.5, 1.5]))
    assert np.all(edge > 0.05) and np.isclose(edge.sum(), 1)
