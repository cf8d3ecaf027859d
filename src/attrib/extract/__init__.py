"""The attribution engine: an ``Extractor`` compiled from the rules reads a text's
Layout and returns its Statements."""

from .extractor import Extractor

__all__ = ["Extractor"]
