import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers import plot_vectors
from helpers.exercises import nb00
from helpers.feedback import Status


def test_right_answers_pass(ax):
    assert nb00.check_first_arrow(plot_vectors([-2, 1], "black", labels=["mine"], ax=ax)).passed


def test_the_natural_first_try_with_color_and_label_passes(ax):
    ax_mine = plot_vectors([-2, 1], color="black", label="mine", ax=ax)
    assert nb00.check_first_arrow(ax_mine).passed


def test_blank_is_not_answered():
    assert nb00.check_first_arrow(None).status is Status.NOT_ANSWERED


@pytest.mark.parametrize(
    ("draw", "words"),
    [
        (lambda ax: plot_vectors([1, -2], "black", labels=["mine"], ax=ax), "swapped"),
        (lambda ax: plot_vectors([2, -1], "black", labels=["mine"], ax=ax), "opposite way"),
        (lambda ax: plot_vectors([-2, 2], "black", labels=["mine"], ax=ax), "does not end"),
        (lambda ax: plot_vectors([-2, 1], labels=["mine"], ax=ax), "not black"),
        (lambda ax: plot_vectors([-2, 1], "0.1", labels=["mine"], ax=ax), "dark grey"),
        (lambda ax: plot_vectors([-2, 1], "black", ax=ax), 'no label "mine"'),
        (lambda ax: plot_vectors([-2, 1], "black", labels=["Mine"], ax=ax), "found 'Mine'"),
        (lambda ax: plot_vectors([[-2, 1], [1, 1]], "black", ax=ax), "2 arrows"),
        (lambda ax: plot_vectors([-2, 1], "black", origins=[1, 1], ax=ax), "origin"),
        (lambda ax: ax, "no arrow"),
    ],
)
def test_wrong_drawings_are_named(ax, draw, words):
    verdict = nb00.check_first_arrow(draw(ax))
    assert verdict.status is Status.WRONG and words in verdict.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [(3.0, "should be the Axes"), ("mine", "text"), (plot_vectors, "should be the Axes")],
)
def test_other_values_are_told_what_is_expected(answer, words):
    verdict = nb00.check_first_arrow(answer)
    assert verdict.status is Status.WRONG and words in verdict.message


def test_the_figure_is_left_alone(ax):
    plot_vectors([-2, 1], "black", labels=["mine"], ax=ax)
    nb00.check_first_arrow(ax)
    assert plt.fignum_exists(ax.figure.number) and np.allclose(ax.get_aspect(), 1.0)
