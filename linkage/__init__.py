"""Linked stage: who is who across programs and offices.

The first pass keys persons by their NIK; the record-linkage issue replaces it
with NIK repair and probabilistic matching.
"""
