"""How alike a figure drawn live in the browser is to the one stored in the notebook.

``make e2e`` calls :func:`compare` for every figure: the PNG the browser shows against the
PNG stored in the notebook file. Only Pillow is needed (it comes with matplotlib, and
build/e2e-venv has it too).

Both images are flattened onto white and cut into 8 x 8 pixel blocks of the stored
image's size (the live one is resized to it first). Each block gets two measures: its
*ink* (how dark it is on average) and its *colour* (how far from grey: the course draws
axes, grid and text in grey, the data in colour). For each measure, two numbers:

- the correlation of the two maps (whether things are drawn in the same places);
- the ratio of the smaller total to the larger (whether as much is drawn).

``score`` is the smallest of these (the colour ones count only when the stored figure
has colour); a figure passes from :data:`THRESHOLD`. Blocks of 8 pixels make a shift of a
pixel or two, a slightly different size, anti-aliasing or font hinting barely count, while
a blank, half-drawn or other figure, or one with axes but without its data, loses much
of a correlation or a ratio. tests/test_figure_compare.py calibrates the threshold on
real broken live drawings of the 03 explorer and on altered copies of the course's own
figures.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageFilter, ImageStat

BLOCK = 8  # pixels
BLUR = ImageFilter.GaussianBlur(2)
MAX_SHIFT = 8  # pixels: the live figure is first moved onto the stored one, if it helps
THRESHOLD = 0.85
MIN_COLOUR = 0.002  # mean colour (0..1) below which a figure counts as grey


@dataclass(frozen=True)
class Similarity:
    score: float
    ink_correlation: float
    ink_ratio: float
    colour_correlation: float | None = None  # None: the stored figure is grey
    colour_ratio: float | None = None
    identical: bool = False  # the same size and every pixel the same

    def passed(self) -> bool:
        return self.score >= THRESHOLD

    def __str__(self) -> str:
        if self.identical:
            return "score 1.000 (pixel-identical)"
        colour = (
            f", colour correlation {self.colour_correlation:.3f} ratio {self.colour_ratio:.3f}"
            if self.colour_correlation is not None
            else ""
        )
        return (
            f"score {self.score:.3f} (ink correlation {self.ink_correlation:.3f} "
            f"ratio {self.ink_ratio:.3f}{colour})"
        )


def flat(png: bytes) -> Image.Image:
    """The PNG flattened onto white (transparent = background), as RGB."""
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    return Image.alpha_composite(Image.new("RGBA", image.size, "white"), image).convert("RGB")


def maps(image: Image.Image, size: tuple[int, int]) -> tuple[list[float], list[float]]:
    """Per-block mean ink (255 - grey) and colour (max - min of R, G, B), both 0..255."""
    if image.size != size:
        image = image.resize(size, Image.Resampling.BILINEAR)
    blocks = (-(-size[0] // BLOCK), -(-size[1] // BLOCK))
    r, g, b = image.split()
    ink = ImageChops.invert(image.convert("L"))
    colour = ImageChops.subtract(
        ImageChops.lighter(ImageChops.lighter(r, g), b),
        ImageChops.darker(ImageChops.darker(r, g), b),
    )
    return tuple(
        list(m.filter(BLUR).resize(blocks, Image.Resampling.BOX).get_flattened_data())
        for m in (ink, colour)
    )


def shifted(image: Image.Image, dx: int, dy: int) -> Image.Image:
    moved = Image.new(image.mode, image.size, "white")
    moved.paste(image, (dx, dy))
    return moved


def align(live: Image.Image, stored: Image.Image) -> Image.Image:
    """The live image (already of the stored size) moved by the even number of pixels, up
    to MAX_SHIFT each way, that makes it differ least from the stored one (searched on
    half-size copies, for speed)."""
    half = (max(1, stored.width // 2), max(1, stored.height // 2))
    a, b = (i.convert("L").resize(half, Image.Resampling.BOX).filter(BLUR) for i in (live, stored))

    def difference(dx: int, dy: int) -> float:
        return ImageStat.Stat(ImageChops.difference(shifted(a, dx, dy), b)).mean[0]

    steps = range(-MAX_SHIFT // 2, MAX_SHIFT // 2 + 1)
    dx, dy = min(((x, y) for x in steps for y in steps), key=lambda d: difference(*d))
    return shifted(live, 2 * dx, 2 * dy)


def _correlation(a: list[float], b: list[float]) -> float:
    n = len(a)
    mean_a, mean_b = sum(a) / n, sum(b) / n
    cov = sum((x - mean_a) * (y - mean_b) for x, y in zip(a, b))
    var_a = sum((x - mean_a) ** 2 for x in a)
    var_b = sum((y - mean_b) ** 2 for y in b)
    if var_a == 0 or var_b == 0:  # a blank map has nothing in common with a drawing
        return 1.0 if var_a == var_b else 0.0
    return cov / (var_a * var_b) ** 0.5


def _ratio(a: list[float], b: list[float]) -> float:
    return min(sum(a), sum(b)) / max(sum(a), sum(b), 1e-9)


def compare(live: bytes, stored: bytes) -> Similarity:
    """How alike the live PNG is to the stored PNG (see the module docstring)."""
    live_rgb, stored_rgb = flat(live), flat(stored)
    if (
        live_rgb.size == stored_rgb.size
        and not ImageChops.difference(live_rgb, stored_rgb).getbbox()
    ):
        return Similarity(1.0, 1.0, 1.0, identical=True)
    if live_rgb.size != stored_rgb.size:
        live_rgb = live_rgb.resize(stored_rgb.size, Image.Resampling.BILINEAR)
    live_rgb = align(live_rgb, stored_rgb)
    (ink_live, colour_live), (ink_stored, colour_stored) = (
        maps(live_rgb, stored_rgb.size),
        maps(stored_rgb, stored_rgb.size),
    )
    ink = (_correlation(ink_live, ink_stored), _ratio(ink_live, ink_stored))
    if sum(colour_stored) / (255 * len(colour_stored)) < MIN_COLOUR:
        return Similarity(min(ink), *ink)
    colour = (_correlation(colour_live, colour_stored), _ratio(colour_live, colour_stored))
    return Similarity(min(*ink, *colour), *ink, *colour)


def ink(png: bytes) -> float:
    """Total darkness of a figure, in units of one fully black 8 x 8 block."""
    image = flat(png)
    return sum(maps(image, image.size)[0]) / 255
