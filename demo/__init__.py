"""Demo world generator: realistic, messy office submissions plus their ground truth.

``python -m demo --rows 5000 --out data/landing`` fills a landing folder with one
sub-folder per registry office, each holding files the way that office writes them
(DOMAIN.md "What the offices' files look like"), and, beside it, ``data/landing.truth/`` with what the
pipeline should find (:mod:`demo.truth`). Everything is invented and deterministic
by seed. Public API: :func:`demo.generate.generate_world`,
:class:`demo.generate.WorldSummary`, :func:`demo.truth.expected_headline`,
:func:`demo.truth.load_truth`.
"""
