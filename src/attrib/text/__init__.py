"""Plain-text structure the stages share: paragraphs, sentences and quotations."""

from .layout import Layout
from .quotes import Quote, find_quotes
from .sentences import split_sentences

__all__ = ["Layout", "Quote", "find_quotes", "split_sentences"]
