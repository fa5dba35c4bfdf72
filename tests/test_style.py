import matplotlib as mpl
import numpy as np
import pytest
import seaborn as sns

from helpers import LINESTYLES, MARKERS, course_palette, set_course_style


def test_style_fixes_size_resolution_and_palette():
    set_course_style()
    assert tuple(mpl.rcParams["figure.figsize"]) == (6.0, 4.0)
    assert mpl.rcParams["figure.dpi"] == 100
    cycle = [mpl.colors.to_rgb(c) for c in mpl.rcParams["axes.prop_cycle"].by_key()["color"]]
    np.testing.assert_allclose(cycle[:3], course_palette(3))


def test_palette_is_seaborn_colorblind():
    assert course_palette(4) == [tuple(c) for c in sns.color_palette("colorblind", 4)]


def test_enough_line_styles_and_markers_to_pair_with_colours():
    assert len(set(map(str, LINESTYLES))) >= 4 and len(set(MARKERS)) >= 4


@pytest.mark.parametrize(("n", "error"), [(0, ValueError), (2.5, TypeError), (True, TypeError)])
def test_bad_palette_size(n, error):
    with pytest.raises(error, match="n_colors"):
        course_palette(n)
