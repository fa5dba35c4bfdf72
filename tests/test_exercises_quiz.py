"""The quiz checks (helpers.exercises.quiz): right, not this one, not answered, never raising."""

import numpy as np
import pytest

from helpers.exercises import quiz

RIGHT = [20, 10.0, "c", 6, "b", "d", "a", [2, -4], "b", "d"]
SAME_RIGHT = [np.int64(20), np.float64(10), " C ", 6.0, "(b)", "D", "a", np.array([2.0, -4.0])]
WRONG = [0, 14, "a", -6, "c", "b", "b", [1, -2], "a", "a"]
ODD = ["", "e", "ab", True, {}, object(), float("nan"), [1, 2, 3], np.ones((2, 2)), print]


@pytest.mark.parametrize("number", range(1, 11))
def test_each_question_right_wrong_and_blank(number):
    check = quiz.CHECKS[number - 1]
    assert check(RIGHT[number - 1]).passed and check(RIGHT[number - 1]).message == "Right."
    if number <= len(SAME_RIGHT):
        assert check(SAME_RIGHT[number - 1]).passed
    wrong = check(WRONG[number - 1])
    assert not wrong.passed and wrong.message.startswith("Not this one: notebook")
    right = RIGHT[number - 1]
    leaks = [f'"{right}"', f"({right})", f" {right}."] if isinstance(right, str) else [str(right)]
    assert not any(leak in wrong.message for leak in leaks)
    assert check(None).message.startswith("Not answered yet")
    for odd in ODD:
        verdict = check(odd)
        assert not verdict.passed and verdict.message.startswith("Not"), (odd, verdict)


def test_a_letter_question_asks_for_a_letter():
    assert '"a", "b", "c" or "d"' in quiz.check_q3(3).message


def test_score_counts_right_wrong_and_blank():
    assert quiz.score(RIGHT).passed and quiz.score(RIGHT).message == "Right: 10 of 10."
    mixed = [*RIGHT[:6], None, None, WRONG[8], WRONG[9]]
    assert quiz.score(mixed).message == (
        "Right: 6 of 10. To revisit: questions 9, 10. Not answered yet: questions 7, 8."
    )
    assert quiz.score([None] * 10).message == "Right: 0 of 10. Not answered yet: questions 1-10."
    for odd in (None, "abc", RIGHT[:9], 3):
        assert quiz.score(odd).message.startswith("Not yet: give the list")
