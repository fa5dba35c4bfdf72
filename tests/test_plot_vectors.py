import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_rgba
from matplotlib.quiver import Quiver

from helpers import course_palette, label_arrow, plot_vectors


def _quiver(ax) -> Quiver:
    arrows = [c for c in ax.collections if isinstance(c, Quiver)]
    assert len(arrows) == 1
    return arrows[0]


def test_returns_the_axes_it_drew_on(ax):
    assert plot_vectors([3, 4], ax=ax) is ax


def test_defaults_to_current_axes():
    fig, ax = plt.subplots()
    assert plot_vectors([1, 2]) is ax


def test_arrows_are_drawn_at_true_length(ax):
    plot_vectors([[3, 4], [-1, 2]], ax=ax)
    quiver = _quiver(ax)
    assert quiver.angles == "xy"
    assert quiver.scale_units == "xy"
    assert quiver.scale == 1
    np.testing.assert_array_equal(quiver.U, [3, -1])
    np.testing.assert_array_equal(quiver.V, [4, 2])
    np.testing.assert_array_equal(quiver.get_offsets(), [[0, 0], [0, 0]])


def test_limits_contain_every_tail_and_tip_with_margin(ax):
    plot_vectors([[3, 4], [2, -1]], origins=[[1, 1], [-5, 2]], ax=ax)
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    points = np.array([[1, 1], [4, 5], [-5, 2], [-3, 1], [0, 0]])
    assert x0 < points[:, 0].min() and x1 > points[:, 0].max()
    assert y0 < points[:, 1].min() and y1 > points[:, 1].max()


def test_equal_aspect_and_labelled_axes(ax):
    plot_vectors([1, 1], ax=ax)
    assert ax.get_aspect() == 1.0
    assert ax.get_xlabel() and ax.get_ylabel()


def test_existing_axis_labels_are_kept(ax):
    ax.set_xlabel("error on song 1 (s)")
    plot_vectors([1, 1], ax=ax)
    assert ax.get_xlabel() == "error on song 1 (s)"


def test_second_call_keeps_earlier_arrows_in_view(ax):
    plot_vectors([10, 10], ax=ax)
    plot_vectors([1, -1], ax=ax)
    assert ax.get_xlim()[1] > 10 and ax.get_ylim()[1] > 10
    assert ax.get_ylim()[0] < -1


def test_second_call_keeps_a_margin_around_the_new_tips(ax):
    plot_vectors([1, 1], ax=ax)
    plot_vectors([4, -3], labels=["far"], ax=ax)
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    assert x1 - 4 >= 0.5 and -3 - y0 >= 0.5  # the new tip is well inside the frame
    assert y1 > 1 and x0 < 0


def test_second_call_never_narrows_limits_set_in_between(ax):
    plot_vectors([1, 1], ax=ax)
    ax.set(xlim=(-10, 10), ylim=(-10, 10))
    plot_vectors([2, 2], ax=ax)
    assert ax.get_xlim() == (-10, 10) and ax.get_ylim() == (-10, 10)


def test_zero_lines_are_drawn_once_per_axes(ax):
    for vector in ([1, 2], [3, -1], [-2, 0]):
        plot_vectors(vector, ax=ax)
    assert len(ax.lines) == 2  # one horizontal, one vertical


def test_single_origin_applies_to_all(ax):
    plot_vectors([[1, 0], [0, 1]], origins=[2, 3], ax=ax)
    np.testing.assert_array_equal(_quiver(ax).get_offsets(), [[2, 3], [2, 3]])


def test_tip_to_tail_addition(ax):
    u, v = np.array([1, 6]), np.array([4, 2])
    plot_vectors([u, v, u + v], origins=[[0, 0], u, [0, 0]], ax=ax)
    np.testing.assert_array_equal(_quiver(ax).get_offsets()[1], u)


def test_default_colors_follow_the_course_palette(ax):
    plot_vectors([[1, 0], [0, 1]], ax=ax)
    facecolors = _quiver(ax).get_facecolors()
    palette = course_palette(2)
    for face, expected in zip(facecolors, palette):
        np.testing.assert_allclose(face[:3], expected)


@pytest.mark.parametrize("colors", ["red", "C1", (0.1, 0.2, 0.3), (0.1, 0.2, 0.3, 1.0)])
def test_one_colour_for_all(ax, colors):
    plot_vectors([[1, 0], [0, 1], [1, 1]], colors, ax=ax)
    faces = _quiver(ax).get_facecolors()
    assert len({tuple(f) for f in faces}) == 1
    np.testing.assert_allclose(faces[0][:3], to_rgba(colors)[:3])


def test_one_colour_per_vector(ax):
    plot_vectors([[1, 0], [0, 1]], ["red", "blue"], ax=ax)
    faces = _quiver(ax).get_facecolors()
    np.testing.assert_allclose(faces[1], to_rgba("blue"))


def test_labels_are_written_beside_tips(ax):
    plot_vectors([[3, 4], [-2, 1]], labels=["u", "v"], ax=ax)
    texts = {t.get_text(): t.xy for t in ax.texts}
    assert set(texts) == {"u", "v"}
    np.testing.assert_array_equal(texts["u"], [3, 4])


def test_color_and_label_are_accepted_as_other_names(ax):
    plot_vectors([-2, 1], color="black", label="mine", ax=ax)
    np.testing.assert_allclose(_quiver(ax).get_facecolors()[0], to_rgba("black"))
    assert [t.get_text() for t in ax.texts] == ["mine"]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"colors": "red", "color": "blue"}, "colors= or color=, not both"),
        ({"labels": ["a"], "label": "b"}, "labels= or label=, not both"),
        ({"width": 3}, "no parameter 'width'.*colors \\(or color\\)"),
    ],
)
def test_doubled_or_unknown_keywords_get_a_clear_error(ax, kwargs, match):
    with pytest.raises(TypeError, match=match):
        plot_vectors([1, 2], ax=ax, **kwargs)


def test_alpha_is_applied(ax):
    plot_vectors([1, 1], alpha=0.4, ax=ax)
    assert _quiver(ax).get_alpha() == pytest.approx(0.4)


def test_never_shows_the_figure(monkeypatch, ax):
    monkeypatch.setattr(plt, "show", lambda *a, **k: pytest.fail("plt.show() was called"))
    plot_vectors([1, 1], ax=ax)


def test_input_is_not_modified(ax):
    vectors = np.array([[1.0, 2.0]])
    plot_vectors(vectors, origins=np.array([0.5, 0.5]), ax=ax)
    np.testing.assert_array_equal(vectors, [[1.0, 2.0]])


@pytest.mark.parametrize(
    ("kwargs", "error", "argument"),
    [
        ({"vectors": [1, 2, 3]}, ValueError, "vectors"),
        ({"vectors": [[1, 2, 3]]}, ValueError, "vectors"),
        ({"vectors": np.empty((0, 2))}, ValueError, "vectors"),
        ({"vectors": [[1, np.nan]]}, ValueError, "vectors"),
        ({"vectors": [[1, np.inf]]}, ValueError, "vectors"),
        ({"vectors": [["a", "b"]]}, TypeError, "vectors"),
        ({"vectors": "12"}, TypeError, "vectors"),
        ({"vectors": [[1, 2], [3]]}, ValueError, "vectors"),
        ({"vectors": [True, False]}, TypeError, "vectors"),
        ({"vectors": [[1, 2]], "origins": [[0, 0], [1, 1]]}, ValueError, "origins"),
        ({"vectors": [[1, 2]], "origins": [0, 0, 0]}, ValueError, "origins"),
        ({"vectors": [[1, 2]], "origins": [[0, np.nan]]}, ValueError, "origins"),
        ({"vectors": [[1, 2], [3, 4]], "colors": ["red"]}, ValueError, "colors"),
        ({"vectors": [[1, 2]], "colors": "not-a-colour"}, ValueError, "colors"),
        ({"vectors": [[1, 2]], "colors": ["red", "blue", "green"]}, ValueError, "colors"),
        ({"vectors": [[1, 2]], "colors": 5}, TypeError, "colors"),
        ({"vectors": [[1, 2], [3, 4]], "labels": ["a"]}, ValueError, "labels"),
        ({"vectors": [[1, 2]], "labels": [1]}, TypeError, "labels"),
        ({"vectors": [[1, 2]], "labels": 7}, TypeError, "labels"),
        ({"vectors": [[1, 2]], "alpha": 1.5}, ValueError, "alpha"),
        ({"vectors": [[1, 2]], "alpha": -0.1}, ValueError, "alpha"),
        ({"vectors": [[1, 2]], "alpha": "0.5"}, TypeError, "alpha"),
        ({"vectors": [[1, 2]], "ax": "axes"}, TypeError, "ax"),
    ],
)
def test_bad_input_names_the_argument(ax, kwargs, error, argument):
    kwargs.setdefault("ax", ax)
    with pytest.raises(error, match=argument):
        plot_vectors(**kwargs)


class TestLabelArrow:
    def test_returns_the_axes_and_writes_beside_the_middle(self, ax):
        assert label_arrow("u", [4, 0], tail=[1, 1], ax=ax) is ax
        (text,) = ax.texts
        assert text.get_text() == "u"
        np.testing.assert_allclose(text.xy, [3, 1])
        np.testing.assert_allclose(text.xyann, [0, 8])  # left of a rightward arrow: above

    def test_side_and_position_along_the_arrow(self, ax):
        label_arrow("v", [0, 2], side=-1, at=1, color="red", ax=ax)
        (text,) = ax.texts
        np.testing.assert_allclose(text.xy, [0, 2])
        np.testing.assert_allclose(text.xyann, [8, 0])  # right of an upward arrow
        assert text.get_ha() == "left" and text.get_va() == "center"
        np.testing.assert_allclose(to_rgba(text.get_color()), to_rgba("red"))

    def test_zero_vector_gets_its_label_above_the_point(self, ax):
        label_arrow("0", [0, 0], tail=[2, 2], side=-1, ax=ax)
        np.testing.assert_allclose(ax.texts[0].xyann, [0, 8])

    def test_defaults_to_current_axes_and_keeps_limits(self):
        fig, ax = plt.subplots()
        ax.set(xlim=(0, 1), ylim=(0, 1))
        assert label_arrow("far away", [50, 50]) is ax
        assert ax.get_xlim() == (0, 1)

    @pytest.mark.parametrize(
        ("kwargs", "error", "argument"),
        [
            ({"text": 3}, TypeError, "text"),
            ({"vector": [1, 2, 3]}, ValueError, "vector"),
            ({"vector": [[1, 2], [3, 4]]}, ValueError, "vector"),
            ({"vector": ["a", "b"]}, TypeError, "vector"),
            ({"tail": [0, np.nan]}, ValueError, "tail"),
            ({"side": 0}, ValueError, "side"),
            ({"side": True}, ValueError, "side"),
            ({"at": 1.5}, ValueError, "at must"),
            ({"at": "middle"}, TypeError, "at must"),
            ({"color": "not-a-colour"}, ValueError, "color"),
            ({"ax": "axes"}, TypeError, "ax must"),
        ],
    )
    def test_bad_input_names_the_argument(self, ax, kwargs, error, argument):
        arguments = {"text": "u", "vector": [1, 2], "ax": ax} | kwargs
        with pytest.raises(error, match=argument):
            label_arrow(**arguments)
