"""The chart colours: the scale's levels stay apart for people with colour blindness, and every label printed on
a fill is readable."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from assessment.palette import DONT_KNOW_COLOUR, SCALE_COLOURS, contrast, text_on

# Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB.
SIMULATIONS = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}


def _linear(colour: str) -> np.ndarray:
    channels = np.array([int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(channels <= 0.04045, channels / 12.92, ((channels + 0.055) / 1.055) ** 2.4)


def _lab(linear: np.ndarray) -> np.ndarray:
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ linear
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


@pytest.mark.parametrize("kind", SIMULATIONS)
def test_neighbouring_levels_stay_apart_under_colour_blindness(kind):
    seen = [_lab(np.clip(np.array(SIMULATIONS[kind]) @ _linear(colour), 0, 1)) for colour in SCALE_COLOURS]
    assert min(np.linalg.norm(a - b) for a, b in itertools.pairwise(seen)) >= 15


def test_the_levels_darken_in_order_and_every_count_printed_on_them_is_readable():
    lightness = [_lab(_linear(colour))[0] for colour in SCALE_COLOURS]
    assert lightness == sorted(lightness, reverse=True)
    for fill in (*SCALE_COLOURS, DONT_KNOW_COLOUR):
        assert contrast(fill, text_on(fill)) >= 4.5
